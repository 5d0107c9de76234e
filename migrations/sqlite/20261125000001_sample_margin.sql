-- A draw keeps Slovin's margin of error, so the sampling status can show the rule of the
-- latest draw as it was given (NULL for the tiers).
ALTER TABLE sample_draw ADD COLUMN margin REAL;
