//! Sample sizes and the draw. Per agency, the SIPAS minimum by its dossier count in the period
//! (`tiers`: fewer than 100 → all; 100–999 → 100; 1,000–4,999 → 200; 5,000 or more → 500) or
//! Slovin's n = ⌈N / (1 + N·e²)⌉; then a simple random sample reproducible from a seed: the same
//! candidates (in a stable order) and the same seed give the same cases on any database.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// How many cases an agency needs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SampleRule {
    Tiers,
    Slovin { margin: f64 },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SampleError {
    #[error("sai số phải lớn hơn 0 và nhỏ hơn 1 (ví dụ 0.05)")]
    BadMargin,
    #[error("quy tắc chọn mẫu “{0}” không có: chỉ nhận tiers hoặc slovin")]
    UnknownRule(String),
}

impl SampleRule {
    pub fn parse(name: &str, margin: Option<f64>) -> Result<Self, SampleError> {
        match name {
            "tiers" => Ok(SampleRule::Tiers),
            "slovin" => {
                let margin = margin.unwrap_or(0.05);
                if margin > 0.0 && margin < 1.0 {
                    Ok(SampleRule::Slovin { margin })
                } else {
                    Err(SampleError::BadMargin)
                }
            }
            other => Err(SampleError::UnknownRule(other.chars().take(20).collect())),
        }
    }

    /// Slovin's margin of error; `None` for the tiers.
    pub fn margin(self) -> Option<f64> {
        match self {
            SampleRule::Tiers => None,
            SampleRule::Slovin { margin } => Some(margin),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            SampleRule::Tiers => "tiers",
            SampleRule::Slovin { .. } => "slovin",
        }
    }

    /// The sample an agency with `population` dossiers in the period requires.
    pub fn required(self, population: u32) -> u32 {
        match self {
            SampleRule::Tiers => match population {
                0..=99 => population,
                100..=999 => 100,
                1_000..=4_999 => 200,
                _ => 500,
            },
            SampleRule::Slovin { margin } => {
                let n = f64::from(population);
                (n / (1.0 + n * margin * margin)).ceil() as u32
            }
        }
    }
}

/// FNV-1a: a fixed hash, so an agency's seed never depends on the platform or the Rust version.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Draws `k` of `candidates` (given in a stable order), for one agency's wave.
pub fn draw<T: Clone>(candidates: &[T], k: usize, seed: u64, agency: &str, wave: u32) -> Vec<T> {
    let key = format!("{seed}/{agency}/{wave}");
    let mut rng = ChaCha8Rng::seed_from_u64(fnv1a(key.as_bytes()));
    let k = k.min(candidates.len());
    let mut picked: Vec<usize> = rand::seq::index::sample(&mut rng, candidates.len(), k).into_vec();
    picked.sort_unstable();
    picked.into_iter().map(|i| candidates[i].clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiers_follow_the_sipas_minimums() {
        let cases = [
            (0, 0),
            (1, 1),
            (99, 99),
            (100, 100),
            (999, 100),
            (1_000, 200),
            (4_999, 200),
            (5_000, 500),
            (80_000, 500),
        ];
        for (population, required) in cases {
            assert_eq!(
                SampleRule::Tiers.required(population),
                required,
                "{population}"
            );
        }
    }

    #[test]
    fn slovin_rounds_up() {
        let rule = SampleRule::parse("slovin", None).expect("valid");
        assert_eq!(rule.required(1_000), 286);
        assert_eq!(rule.required(100), 80);
        assert_eq!(rule.required(0), 0);
        assert_eq!(
            SampleRule::parse("slovin", Some(0.1))
                .expect("valid")
                .required(1_000),
            91
        );
        assert_eq!(
            SampleRule::parse("slovin", Some(1.5)),
            Err(SampleError::BadMargin)
        );
        assert!(SampleRule::parse("quota", None).is_err());
    }

    #[test]
    fn the_draw_is_reproducible_and_depends_on_seed_agency_and_wave() {
        let candidates: Vec<u32> = (0..1_000).collect();
        let a = draw(&candidates, 100, 7, "STP", 1);
        assert_eq!(a, draw(&candidates, 100, 7, "STP", 1));
        assert_eq!(a.len(), 100);
        let mut distinct = a.clone();
        distinct.dedup();
        assert_eq!(distinct.len(), 100, "no case twice");
        assert_ne!(a, draw(&candidates, 100, 8, "STP", 1));
        assert_ne!(a, draw(&candidates, 100, 7, "STC", 1));
        assert_ne!(a, draw(&candidates, 100, 7, "STP", 2));
        assert_eq!(
            draw(&candidates[..10], 50, 7, "STP", 1).len(),
            10,
            "never more than there are"
        );
    }
}
