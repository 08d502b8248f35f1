/*
 * template.c -- the register list's columns and header matching; see
 * template.h.
 */
#include <string.h>

#include "register/namefold.h"
#include "regio/template.h"

const struct regio_column regio_columns[RC__MAX] = {
	[RC_SCHOOL] = { "school", "Mã trường", "School code", false, false,
	    "Mã trường trong vitre; chỉ cần khi tệp có nhiều trường.",
	    "The school's code in vitre; only for a file of several schools.",
	    "TH-HD-01", { "ma truong", "truong", "ma don vi" } },
	[RC_SEQ] = { "seq", "STT", "No.", false, false,
	    "Số thứ tự (bỏ qua).", "Row number (ignored).", "1",
	    { "stt", "so thu tu", "tt" } },
	[RC_FULL_NAME] = { "full_name", "Họ và tên", "Full name", true, false,
	    "Họ, tên đệm và tên của trẻ.", "The child's full name.",
	    "Nguyễn Văn An", { "ho va ten", "ho ten", "ho ten hoc sinh",
	    "ho va ten hoc sinh", "ten hoc sinh", "ho ten tre" } },
	[RC_SEX] = { "sex", "Giới tính", "Sex", true, false,
	    "Nam hoặc Nữ.", "Nam (male) or Nữ (female).", "Nam",
	    { "gioi tinh", "gt", "nam nu" } },
	[RC_BIRTH] = { "birth_date", "Ngày sinh", "Date of birth", true, false,
	    "dd/mm/yyyy (hoặc ô ngày của Excel).",
	    "dd/mm/yyyy (or an Excel date cell).", "05/09/2018",
	    { "ngay sinh", "ngay thang nam sinh", "sinh ngay" } },
	[RC_ETHNICITY] = { "ethnicity", "Dân tộc", "Ethnicity", false, true,
	    "Tên hoặc mã dân tộc (Kinh, Tày, 01...).",
	    "Name or code of the ethnic group (Kinh, Tày, 01...).", "Kinh",
	    { "dan toc", "ma dan toc" } },
	[RC_PID] = { "personal_id", "Số định danh cá nhân", "Personal ID number",
	    false, false, "12 chữ số (để trống nếu chưa có).",
	    "12 digits (blank if none yet).", "001218012345",
	    { "so dinh danh ca nhan", "so dinh danh", "ma dinh danh ca nhan",
	    "so cccd", "cccd", "dinh danh" } },
	[RC_LEARNER] = { "learner_code", "Mã học sinh", "Learner code", false,
	    false, "Mã định danh của ngành (CSDL ngành).",
	    "The sector's learner code.", "0112345678",
	    { "ma hoc sinh", "ma hs", "ma dinh danh hoc sinh",
	    "ma dinh danh nganh", "ma tre" } },
	[RC_CLASS] = { "class_name", "Lớp", "Class", true, false,
	    "Tên lớp: 1A, 3B, Lá 1...", "The class: 1A, 3B, Lá 1...", "1A",
	    { "lop", "ten lop", "lop hoc", "nhom lop" } },
	[RC_GRADE] = { "grade", "Khối", "Grade", false, false,
	    "1–12, NT, MG3, MG4, MG5; để trống để lấy từ tên lớp.",
	    "1–12, NT, MG3, MG4, MG5; blank: taken from the class.", "1",
	    { "khoi", "khoi lop", "nhom tuoi" } },
	[RC_STATUS] = { "status", "Tình trạng", "Status", false, false,
	    "Đang học (mặc định), Chuyển đến, Lên lớp, Lưu ban, Hoàn thành, "
	    "Chuyển đi, Bỏ học.", "Studying (default), transferred in, "
	    "promoted, repeated, completed, transferred out, dropped out.",
	    "Đang học", { "tinh trang", "trang thai", "tinh trang hoc tap" } },
	[RC_ENTERED] = { "entered_on", "Ngày vào trường", "Date joined", false,
	    false, "dd/mm/yyyy; mặc định ngày đầu năm học.",
	    "dd/mm/yyyy; default: the first day of the school year.",
	    "05/09/2025", { "ngay vao truong", "ngay nhap hoc", "ngay vao" } },
	[RC_STATUS_ON] = { "status_on", "Ngày của tình trạng",
	    "Date of the status", false, false,
	    "Ngày chuyển đi hoặc bỏ học.", "The day the child moved or "
	    "dropped out.", "", { "ngay tinh trang", "ngay chuyen di",
	    "ngay bo hoc" } },
	[RC_DROPOUT_REASON] = { "dropout_reason", "Lý do bỏ học",
	    "Drop-out reason", false, false, "Khi bỏ học: kinh tế, học lực, "
	    "xa trường, đi làm, gia đình, tảo hôn, sức khỏe, di cư, khác.",
	    "With a drop-out: economic, learning, distance, work, family, "
	    "marriage, health, migration, other.", "",
	    { "ly do bo hoc", "ly do" } },
	[RC_ADDRESS] = { "address", "Địa chỉ", "Address", false, false,
	    "Nơi ở hiện nay.", "Where the child lives.",
	    "Số 5 ngõ 12, phường Hà Đông, Hà Nội",
	    { "dia chi", "noi o", "noi o hien nay", "cho o hien nay",
	    "dia chi thuong tru" } },
	[RC_HOUSEHOLD] = { "household", "Hộ nghèo / cận nghèo",
	    "Poor / near-poor household", false, true,
	    "Nghèo, Cận nghèo hoặc để trống.", "Nghèo (poor), Cận nghèo "
	    "(near-poor) or blank.", "", { "ho ngheo can ngheo", "ho ngheo",
	    "dien ho", "hoan canh gia dinh" } },
	[RC_FATHER] = { "g1_name", "Họ tên cha", "Father's name", false, false,
	    "", "", "Nguyễn Văn Bình", { "ho ten cha", "ho ten bo", "cha",
	    "bo", "ten cha" } },
	[RC_FATHER_PHONE] = { "g1_phone", "Số điện thoại cha", "Father's phone",
	    false, false, "0xxxxxxxxx", "0xxxxxxxxx", "0912345678",
	    { "so dien thoai cha", "sdt cha", "dien thoai cha", "sdt bo" } },
	[RC_MOTHER] = { "g2_name", "Họ tên mẹ", "Mother's name", false, false,
	    "", "", "Trần Thị Hoa", { "ho ten me", "me", "ten me" } },
	[RC_MOTHER_PHONE] = { "g2_phone", "Số điện thoại mẹ", "Mother's phone",
	    false, false, "0xxxxxxxxx", "0xxxxxxxxx", "0987654321",
	    { "so dien thoai me", "sdt me", "dien thoai me" } },
	[RC_GUARDIAN] = { "g3_name", "Họ tên người giám hộ", "Guardian's name",
	    false, false, "Khi không phải cha mẹ.", "When not a parent.", "",
	    { "ho ten nguoi giam ho", "nguoi giam ho", "nguoi nuoi duong" } },
	[RC_GUARDIAN_PHONE] = { "g3_phone", "Số điện thoại người giám hộ",
	    "Guardian's phone", false, false, "0xxxxxxxxx", "0xxxxxxxxx", "",
	    { "so dien thoai nguoi giam ho", "sdt nguoi giam ho",
	    "so dien thoai", "sdt", "dien thoai lien he" } },
	[RC_DIS_KIND] = { "dis_kind", "Khuyết tật", "Disability", false, true,
	    "Dạng khuyết tật (vận động, nghe nói, nhìn, thần kinh tâm thần, trí "
	    "tuệ, khác, đa tật) hoặc để trống.", "Kind of disability "
	    "(mobility, hearing/speech, vision, mental, intellectual, other, "
	    "multiple) or blank.", "", { "khuyet tat", "dang khuyet tat",
	    "loai khuyet tat", "tre khuyet tat" } },
	[RC_DIS_NEEDS] = { "dis_learning_needs", "Có nhu cầu học tập",
	    "Has learning needs", false, true, "Có / Không (khi khuyết tật).",
	    "Có (yes) / Không (no), with a disability.", "",
	    { "co nhu cau hoc tap", "nhu cau hoc tap" } },
	[RC_DIS_EDU] = { "dis_education", "Hình thức giáo dục",
	    "Form of education", false, true, "Hòa nhập, Chuyên biệt hoặc "
	    "Chưa được giáo dục (khi khuyết tật).", "Hòa nhập (inclusive), "
	    "Chuyên biệt (special) or none, with a disability.", "",
	    { "hinh thuc giao duc", "giao duc hoa nhap", "hinh thuc hoc" } },
	[RC_CIRC] = { "circ_group", "Hoàn cảnh đặc biệt",
	    "Special circumstances", false, true,
	    "Chữ của nhóm theo Điều 10 Luật Trẻ em (a, b, ..., đ, ..., o), "
	    "cách nhau bằng dấu phẩy.", "Letters of the groups of Art. 10 of "
	    "the Law on Children, separated by commas.", "",
	    { "hoan canh dac biet", "tre co hoan canh dac biet",
	    "nhom hoan canh dac biet" } },
};

enum regio_col
regio_map_header(const struct io_row *row, struct regio_map *m)
{
	char key[NAMEFOLD_MAX], name[NAMEFOLD_MAX];
	size_t i;
	int c, a;

	memset(m, 0, sizeof(*m));
	m->ncols = row->n;
	m->header_row = row->row;
	for (i = 0; i < row->n; i++) {
		bool found = false;

		if (namefold(row->cells[i], key, sizeof(key)) == 0)
			continue;
		for (c = 0; c < RC__MAX && !found; c++) {
			namefold(regio_columns[c].vi, name, sizeof(name));
			found = strcmp(key, name) == 0;
			for (a = 0; !found && a < 6 &&
			    regio_columns[c].aliases[a] != NULL; a++)
				found = strcmp(key, regio_columns[c].aliases[a])
				    == 0;
			if (found && m->col[c] == 0)
				m->col[c] = i + 1;
		}
		if (!found && m->nunknown < sizeof(m->unknown) /
		    sizeof(m->unknown[0]))
			m->unknown[m->nunknown++] = i + 1;
	}
	for (c = 0; c < RC__MAX; c++)
		if (regio_columns[c].required && m->col[c] == 0)
			return (enum regio_col)c;
	return RC__MAX;
}

enum regio_col
regio_col_of_field(const char *field)
{
	int c;

	for (c = 0; c < RC__MAX; c++)
		if (strcmp(regio_columns[c].key, field) == 0)
			return (enum regio_col)c;
	/* The other fields of the guardian slots, and of the circumstance. */
	if (strncmp(field, "g1_", 3) == 0)
		return RC_FATHER;
	if (strncmp(field, "g2_", 3) == 0)
		return RC_MOTHER;
	if (strncmp(field, "g3_", 3) == 0)
		return RC_GUARDIAN;
	if (strncmp(field, "circ_", 5) == 0)
		return RC_CIRC;
	if (strncmp(field, "dis_", 4) == 0)
		return RC_DIS_KIND;
	return RC__MAX;
}
