-- The outcome catalogue becomes data: a campaign may bring its own (the file's text, NULL =
-- the built-in one); a case counts the attempts that count toward the limit apart from all
-- its calls (a callback booked does not count), and remembers the operator a person refused
-- so the next call goes to someone else.
ALTER TABLE campaign ADD COLUMN outcomes TEXT;
ALTER TABLE survey_case ADD COLUMN counted_attempts integer NOT NULL DEFAULT 0;
ALTER TABLE survey_case ADD COLUMN avoid_operator BLOB REFERENCES staff (id);
UPDATE survey_case SET counted_attempts = attempts;

-- The walking skeleton's refusal and wrong number, as the built-in catalogue now codes them.
UPDATE attempt SET outcome = '2.112' WHERE outcome = '2.11';
UPDATE attempt SET outcome = '4.32' WHERE outcome = '4.3';
UPDATE survey_case SET last_outcome = '2.112' WHERE last_outcome = '2.11';
UPDATE survey_case SET last_outcome = '4.32' WHERE last_outcome = '4.3';
UPDATE survey_case SET final_outcome = '2.112' WHERE final_outcome = '2.11';
UPDATE survey_case SET final_outcome = '4.32' WHERE final_outcome = '4.3';
