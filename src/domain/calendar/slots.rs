//! The parts of the day a case has gone unanswered in, so the next try is made in one it has
//! not been tried in (a person at work all morning may answer in the evening). Stored as bits.

use super::TimeSlot;

/// A set of [`TimeSlot`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SlotSet(u8);

impl TimeSlot {
    fn bit(self) -> u8 {
        match self {
            TimeSlot::Morning => 1,
            TimeSlot::Afternoon => 2,
            TimeSlot::Evening => 4,
        }
    }
}

impl SlotSet {
    /// The set a stored number holds; bits that name no slot are dropped.
    pub fn from_bits(bits: i32) -> Self {
        let known = TimeSlot::ALL.iter().fold(0, |all, slot| all | slot.bit());
        Self(u8::try_from(bits & i32::from(known)).unwrap_or_default())
    }

    pub fn bits(self) -> i32 {
        i32::from(self.0)
    }

    pub fn contains(self, slot: TimeSlot) -> bool {
        self.0 & slot.bit() != 0
    }

    pub fn with(self, slot: TimeSlot) -> Self {
        Self(self.0 | slot.bit())
    }

    /// The slots not in the set, in the order of the day.
    pub fn missing(self) -> Vec<TimeSlot> {
        TimeSlot::ALL
            .into_iter()
            .filter(|slot| !self.contains(*slot))
            .collect()
    }

    /// Adds the slot an unanswered call was made in. Once every slot has been tried the round
    /// starts again from this one.
    pub fn after_unanswered(self, slot: TimeSlot) -> Self {
        let tried = self.with(slot);
        if tried.missing().is_empty() {
            Self::default().with(slot)
        } else {
            tried
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unanswered_calls_walk_through_the_slots_then_start_again() {
        let tried = SlotSet::default().after_unanswered(TimeSlot::Morning);
        assert_eq!(tried.missing(), [TimeSlot::Afternoon, TimeSlot::Evening]);
        let tried = tried.after_unanswered(TimeSlot::Evening);
        assert_eq!(tried.missing(), [TimeSlot::Afternoon]);
        let tried = tried.after_unanswered(TimeSlot::Afternoon);
        assert_eq!(
            tried.missing(),
            [TimeSlot::Morning, TimeSlot::Evening],
            "all three tried: a new round that avoids the slot just tried"
        );
    }

    #[test]
    fn stored_bits_round_trip_and_unknown_bits_are_dropped() {
        let set = SlotSet::default()
            .with(TimeSlot::Morning)
            .with(TimeSlot::Evening);
        assert_eq!(SlotSet::from_bits(set.bits()), set);
        assert_eq!(SlotSet::from_bits(0b1000 | 2).missing().len(), 2);
    }
}
