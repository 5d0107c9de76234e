//! The layout of a file of interviews, one row per interview: the dossier code first, then
//! the interview's particulars, then one column per question id holding the answer's code. The
//! export writes it (with a second header row of labels) and the import of interviews
//! gathered outside the phone reads it, so an export goes back in as it came out.

/// The dossier code's column: its id and its label.
pub const DOSSIER: Column = Column {
    id: "ma_ho_so",
    label: "Mã hồ sơ",
};

/// The interview's particulars after the dossier code, in order. The import passes over them.
pub const PARTICULARS: [Column; 9] = [
    Column {
        id: "co_quan",
        label: "Mã cơ quan",
    },
    Column {
        id: "ten_co_quan",
        label: "Cơ quan",
    },
    Column {
        id: "thu_tuc",
        label: "Thủ tục",
    },
    Column {
        id: "cach_thu_thap",
        label: "Cách thu thập",
    },
    Column {
        id: "nguoi_thuc_hien",
        label: "Điện thoại viên / người nhập",
    },
    Column {
        id: "bat_dau",
        label: "Bắt đầu",
    },
    Column {
        id: "ket_thuc",
        label: "Kết thúc",
    },
    Column {
        id: "trang_thai",
        label: "Trạng thái phiếu",
    },
    Column {
        id: "ket_qua",
        label: "Kết quả cuộc gọi",
    },
];

/// The person's name and number, written only when asked for; the import passes over them.
pub const CONTACTS: [Column; 2] = [
    Column {
        id: "ho_ten",
        label: "Họ và tên",
    },
    Column {
        id: "so_dien_thoai",
        label: "Số điện thoại",
    },
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub id: &'static str,
    pub label: &'static str,
}

/// Whether a header names the dossier code: its id, or its label in any case.
pub fn is_dossier(header: &str) -> bool {
    let header = header.trim();
    header == DOSSIER.id || header.to_lowercase() == DOSSIER.label.to_lowercase()
}

/// Whether a header is one of the particulars or contacts, which an import passes over.
pub fn is_passed_over(header: &str) -> bool {
    let header = header.trim();
    PARTICULARS.iter().chain(&CONTACTS).any(|c| c.id == header)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dossier_column_is_found_by_id_or_label() {
        assert!(is_dossier("ma_ho_so"));
        assert!(is_dossier(" Mã hồ sơ "));
        assert!(is_dossier("MÃ HỒ SƠ"));
        assert!(!is_dossier("ma_ho_so_cu"));
    }

    #[test]
    fn particulars_and_contacts_are_passed_over_but_not_questions() {
        assert!(is_passed_over("cach_thu_thap"));
        assert!(is_passed_over("so_dien_thoai"));
        assert!(!is_passed_over("tiep_can.thong_tin"));
    }
}
