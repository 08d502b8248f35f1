-- 0014_cases_more.sql -- protection cases, continued: the number of abused
-- children (TT 13/2021 indicator 0101) as a computed aggregate value, the
-- small-count rule on indicators, and the public holidays checked against
-- the official calendars of 2025 and 2026.

-- An indicator whose counts could identify a child: wherever its number is
-- shown (dashboard, its JSON, the report page) a count of 1 to 4 reads
-- "< 5" (render/numfmt.h: numfmt_count_small).
ALTER TABLE indicator ADD COLUMN suppress_small INTEGER NOT NULL DEFAULT 0;

-- Written by vitre for every school and calendar year from the cases whose
-- initial assessment found the child abused (cases/casefile_stats.c):
-- computed rows of agg_value that roll up like any other.
INSERT INTO indicator (seq, code, name_vi, name_en, definition_vi, definition_en,
	numerator_vi, numerator_en, denominator_vi, denominator_en, unit, direction,
	by_sex, source, period_type, levels, ref, suppress_small) VALUES
(51, 'ABUSED_CHILDREN',
 'Số trẻ em bị xâm hại',
 'Number of abused children',
 'Số trẻ em bị tổn hại về thể chất, tình cảm, tâm lý, danh dự, nhân phẩm bởi một trong các hình thức bạo lực, bóc lột, xâm hại tình dục, mua bán, bỏ rơi, bỏ mặc và các hình thức gây tổn hại khác, được phát hiện trong năm (đánh giá ban đầu, mẫu 02, kết luận bị xâm hại). Tính từ hồ sơ bảo vệ trẻ em đã ẩn danh; một trẻ trong sổ theo dõi chỉ tính một lần. Số từ 1 đến 4 hiển thị là «< 5».',
 'Children harmed physically, emotionally, psychologically or in their honour and dignity by violence, exploitation, sexual abuse, trafficking, abandonment, neglect or another form of harm, found during the year (initial assessment, form 02, found abused). Counted from de-identified protection cases; a child of the register counts once. Counts of 1 to 4 show as "< 5".',
 'Số trẻ em bị xâm hại', 'Abused children',
 NULL, NULL,
 'count', 'down', 1, 'cases', 'year', '', 'TT 13/2021/TT-BLĐTBXH, chỉ tiêu 0101', 1);

-- Public holidays.  0007 had the working days of each break right; the
-- breaks are added whole, as announced (Tết Ất Tỵ 25/01-02/02/2025, Tết
-- Bính Ngọ 14-22/02/2026, Quốc khánh 30/8-02/9/2025), and Giỗ Tổ Hùng
-- Vương 2026 (10/3 âm lịch = Sunday 26/4/2026) next to its Monday off.
-- A day an administrator has already entered is left as it is.
INSERT INTO holiday (day, name) SELECT '2025-01-25', 'Tết Nguyên đán (Ất Tỵ)' WHERE NOT EXISTS (SELECT 1 FROM holiday WHERE day = '2025-01-25');
INSERT INTO holiday (day, name) SELECT '2025-01-26', 'Tết Nguyên đán (Ất Tỵ)' WHERE NOT EXISTS (SELECT 1 FROM holiday WHERE day = '2025-01-26');
INSERT INTO holiday (day, name) SELECT '2025-02-01', 'Tết Nguyên đán (Ất Tỵ)' WHERE NOT EXISTS (SELECT 1 FROM holiday WHERE day = '2025-02-01');
INSERT INTO holiday (day, name) SELECT '2025-02-02', 'Tết Nguyên đán (Ất Tỵ)' WHERE NOT EXISTS (SELECT 1 FROM holiday WHERE day = '2025-02-02');
INSERT INTO holiday (day, name) SELECT '2025-08-30', 'Quốc khánh (nghỉ liền cuối tuần)' WHERE NOT EXISTS (SELECT 1 FROM holiday WHERE day = '2025-08-30');
INSERT INTO holiday (day, name) SELECT '2025-08-31', 'Quốc khánh (nghỉ liền cuối tuần)' WHERE NOT EXISTS (SELECT 1 FROM holiday WHERE day = '2025-08-31');
INSERT INTO holiday (day, name) SELECT '2026-02-14', 'Tết Nguyên đán (Bính Ngọ)' WHERE NOT EXISTS (SELECT 1 FROM holiday WHERE day = '2026-02-14');
INSERT INTO holiday (day, name) SELECT '2026-02-15', 'Tết Nguyên đán (Bính Ngọ)' WHERE NOT EXISTS (SELECT 1 FROM holiday WHERE day = '2026-02-15');
INSERT INTO holiday (day, name) SELECT '2026-02-21', 'Tết Nguyên đán (Bính Ngọ)' WHERE NOT EXISTS (SELECT 1 FROM holiday WHERE day = '2026-02-21');
INSERT INTO holiday (day, name) SELECT '2026-02-22', 'Tết Nguyên đán (Bính Ngọ)' WHERE NOT EXISTS (SELECT 1 FROM holiday WHERE day = '2026-02-22');
INSERT INTO holiday (day, name) SELECT '2026-04-26', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' WHERE NOT EXISTS (SELECT 1 FROM holiday WHERE day = '2026-04-26');
UPDATE holiday SET name = 'Tết Nguyên đán (Ất Tỵ)' WHERE day BETWEEN '2025-01-27' AND '2025-01-31' AND name = 'Tết Nguyên đán';
UPDATE holiday SET name = 'Tết Nguyên đán (Bính Ngọ)' WHERE day BETWEEN '2026-02-16' AND '2026-02-20' AND name = 'Tết Nguyên đán';
