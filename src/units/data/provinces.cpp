// The provinces of Vietnam before and after 1 July 2025, as data: two CSV tables compiled in.
//
// Sources:
// - National Assembly Resolution 202/2025/QH15 of 12 June 2025 on the arrangement of
//   provincial-level administrative units (in force 2025-07-01): 34 units, 23 formed from 52
//   former provinces, 11 not arranged. The list below was cross-checked against a public
//   transcription of the resolution: https://github.com/tvanlam/bag_shop (file
//   frontend/bagshop/DANH_SACH_34_TINH_THANH.md; its codes are the old ones, not used here).
// - Codes of the 63: the General Statistics Office's 2-digit province codes (Decision
//   124/2004/QĐ-TTg, list of administrative unit codes, as amended to 2024).
// - Codes of the 34: Decision 19/2025/QĐ-TTg of the Prime Minister on the list of
//   administrative unit codes (in force 2025-07-01), official text
//   https://datafiles.chinhphu.vn/cpp/files/vbpq/2025/7/19ttg.signed.pdf. Re-checked in session 6
//   against two independent public transcriptions of its province list, both citing the
//   decision (a PostgreSQL migration citing the PDF above and a TypeScript list "theo Quyết định
//   19/2025/QĐ-TTg"): all 34 codes agree with the table below (tests/cpp/units/registry_test.cpp
//   checks them). The Statistics Office had announced the same codes in letter 1027/CTK-CSCL of
//   25 June 2025. A merged unit takes the code of the former province that hosts its seat, so
//   the new Lào Cai has 15, Yên Bái's old code.
// - Thừa Thiên Huế became the centrally governed city of Huế on 2025-01-01 (Resolution
//   1314/NQ-UBTVQH15); it is one unit here, "Thừa Thiên Huế" a spelling of it.
// A merged province that keeps a former one's name is a new unit (from 2025-07-01); the former
// one ends on 2025-06-30: names are told apart by date.
#include "units/data/tables.hpp"

namespace dxkit::units::data {

const char* const provinces_units = R"csv(code,name,kind,from,until,spellings,source
01,Hà Nội,thành phố,,,HN|Ha Noi|Hanoi,Resolution 202/2025/QH15 (not arranged)
02,Hà Giang,tỉnh,,2025-06-30,,GSO code
04,Cao Bằng,tỉnh,,,,Resolution 202/2025/QH15 (not arranged)
06,Bắc Kạn,tỉnh,,2025-06-30,Bắc Cạn,GSO code
08,Tuyên Quang,tỉnh,,2025-06-30,,GSO code
10,Lào Cai,tỉnh,,2025-06-30,,GSO code
11,Điện Biên,tỉnh,,,,Resolution 202/2025/QH15 (not arranged)
12,Lai Châu,tỉnh,,,,Resolution 202/2025/QH15 (not arranged)
14,Sơn La,tỉnh,,,,Resolution 202/2025/QH15 (not arranged)
15,Yên Bái,tỉnh,,2025-06-30,,GSO code
17,Hòa Bình,tỉnh,,2025-06-30,,GSO code
19,Thái Nguyên,tỉnh,,2025-06-30,,GSO code
20,Lạng Sơn,tỉnh,,,,Resolution 202/2025/QH15 (not arranged)
22,Quảng Ninh,tỉnh,,,,Resolution 202/2025/QH15 (not arranged)
24,Bắc Giang,tỉnh,,2025-06-30,,GSO code
25,Phú Thọ,tỉnh,,2025-06-30,,GSO code
26,Vĩnh Phúc,tỉnh,,2025-06-30,,GSO code
27,Bắc Ninh,tỉnh,,2025-06-30,,GSO code
30,Hải Dương,tỉnh,,2025-06-30,,GSO code
31,Hải Phòng,thành phố,,2025-06-30,,GSO code
33,Hưng Yên,tỉnh,,2025-06-30,,GSO code
34,Thái Bình,tỉnh,,2025-06-30,,GSO code
35,Hà Nam,tỉnh,,2025-06-30,,GSO code
36,Nam Định,tỉnh,,2025-06-30,,GSO code
37,Ninh Bình,tỉnh,,2025-06-30,,GSO code
38,Thanh Hóa,tỉnh,,,,Resolution 202/2025/QH15 (not arranged)
40,Nghệ An,tỉnh,,,,Resolution 202/2025/QH15 (not arranged)
42,Hà Tĩnh,tỉnh,,,,Resolution 202/2025/QH15 (not arranged)
44,Quảng Bình,tỉnh,,2025-06-30,,GSO code
45,Quảng Trị,tỉnh,,2025-06-30,,GSO code
46,Huế,thành phố,,,Thừa Thiên Huế|Thừa Thiên - Huế|TT Huế|TT-Huế,Resolution 202/2025/QH15 (not arranged)
48,Đà Nẵng,thành phố,,2025-06-30,,GSO code
49,Quảng Nam,tỉnh,,2025-06-30,,GSO code
51,Quảng Ngãi,tỉnh,,2025-06-30,,GSO code
52,Bình Định,tỉnh,,2025-06-30,,GSO code
54,Phú Yên,tỉnh,,2025-06-30,,GSO code
56,Khánh Hòa,tỉnh,,2025-06-30,,GSO code
58,Ninh Thuận,tỉnh,,2025-06-30,,GSO code
60,Bình Thuận,tỉnh,,2025-06-30,,GSO code
62,Kon Tum,tỉnh,,2025-06-30,Kontum,GSO code
64,Gia Lai,tỉnh,,2025-06-30,,GSO code
66,Đắk Lắk,tỉnh,,2025-06-30,Đắc Lắc|Daklak|Đăk Lăk,GSO code
67,Đắk Nông,tỉnh,,2025-06-30,Đăk Nông|Daknong,GSO code
68,Lâm Đồng,tỉnh,,2025-06-30,,GSO code
70,Bình Phước,tỉnh,,2025-06-30,,GSO code
72,Tây Ninh,tỉnh,,2025-06-30,,GSO code
74,Bình Dương,tỉnh,,2025-06-30,,GSO code
75,Đồng Nai,tỉnh,,2025-06-30,,GSO code
77,Bà Rịa - Vũng Tàu,tỉnh,,2025-06-30,BRVT|Bà Rịa Vũng Tàu,GSO code
79,Hồ Chí Minh,thành phố,,2025-06-30,TP.HCM|TPHCM|HCM|Sài Gòn,GSO code
80,Long An,tỉnh,,2025-06-30,,GSO code
82,Tiền Giang,tỉnh,,2025-06-30,,GSO code
83,Bến Tre,tỉnh,,2025-06-30,,GSO code
84,Trà Vinh,tỉnh,,2025-06-30,,GSO code
86,Vĩnh Long,tỉnh,,2025-06-30,,GSO code
87,Đồng Tháp,tỉnh,,2025-06-30,,GSO code
89,An Giang,tỉnh,,2025-06-30,,GSO code
91,Kiên Giang,tỉnh,,2025-06-30,,GSO code
92,Cần Thơ,thành phố,,2025-06-30,,GSO code
93,Hậu Giang,tỉnh,,2025-06-30,,GSO code
94,Sóc Trăng,tỉnh,,2025-06-30,,GSO code
95,Bạc Liêu,tỉnh,,2025-06-30,,GSO code
96,Cà Mau,tỉnh,,2025-06-30,,GSO code
08,Tuyên Quang,tỉnh,2025-07-01,,,Resolution 202/2025/QH15 art. 1; Decision 19/2025/QĐ-TTg
15,Lào Cai,tỉnh,2025-07-01,,,Resolution 202/2025/QH15 art. 1; Decision 19/2025/QĐ-TTg
19,Thái Nguyên,tỉnh,2025-07-01,,,Resolution 202/2025/QH15 art. 1; Decision 19/2025/QĐ-TTg
25,Phú Thọ,tỉnh,2025-07-01,,,Resolution 202/2025/QH15 art. 1; Decision 19/2025/QĐ-TTg
24,Bắc Ninh,tỉnh,2025-07-01,,,Resolution 202/2025/QH15 art. 1; Decision 19/2025/QĐ-TTg
33,Hưng Yên,tỉnh,2025-07-01,,,Resolution 202/2025/QH15 art. 1; Decision 19/2025/QĐ-TTg
31,Hải Phòng,thành phố,2025-07-01,,,Resolution 202/2025/QH15 art. 1; Decision 19/2025/QĐ-TTg
37,Ninh Bình,tỉnh,2025-07-01,,,Resolution 202/2025/QH15 art. 1; Decision 19/2025/QĐ-TTg
44,Quảng Trị,tỉnh,2025-07-01,,,Resolution 202/2025/QH15 art. 1; Decision 19/2025/QĐ-TTg
48,Đà Nẵng,thành phố,2025-07-01,,,Resolution 202/2025/QH15 art. 1; Decision 19/2025/QĐ-TTg
51,Quảng Ngãi,tỉnh,2025-07-01,,,Resolution 202/2025/QH15 art. 1; Decision 19/2025/QĐ-TTg
52,Gia Lai,tỉnh,2025-07-01,,,Resolution 202/2025/QH15 art. 1; Decision 19/2025/QĐ-TTg
56,Khánh Hòa,tỉnh,2025-07-01,,,Resolution 202/2025/QH15 art. 1; Decision 19/2025/QĐ-TTg
68,Lâm Đồng,tỉnh,2025-07-01,,,Resolution 202/2025/QH15 art. 1; Decision 19/2025/QĐ-TTg
66,Đắk Lắk,tỉnh,2025-07-01,,Đắc Lắc|Daklak|Đăk Lăk,Resolution 202/2025/QH15 art. 1; Decision 19/2025/QĐ-TTg
79,Hồ Chí Minh,thành phố,2025-07-01,,TP.HCM|TPHCM|HCM|Sài Gòn,Resolution 202/2025/QH15 art. 1; Decision 19/2025/QĐ-TTg
75,Đồng Nai,tỉnh,2025-07-01,,,Resolution 202/2025/QH15 art. 1; Decision 19/2025/QĐ-TTg
80,Tây Ninh,tỉnh,2025-07-01,,,Resolution 202/2025/QH15 art. 1; Decision 19/2025/QĐ-TTg
92,Cần Thơ,thành phố,2025-07-01,,,Resolution 202/2025/QH15 art. 1; Decision 19/2025/QĐ-TTg
86,Vĩnh Long,tỉnh,2025-07-01,,,Resolution 202/2025/QH15 art. 1; Decision 19/2025/QĐ-TTg
82,Đồng Tháp,tỉnh,2025-07-01,,,Resolution 202/2025/QH15 art. 1; Decision 19/2025/QĐ-TTg
96,Cà Mau,tỉnh,2025-07-01,,,Resolution 202/2025/QH15 art. 1; Decision 19/2025/QĐ-TTg
91,An Giang,tỉnh,2025-07-01,,,Resolution 202/2025/QH15 art. 1; Decision 19/2025/QĐ-TTg
)csv";

// One row per former province: what it became on 2025-07-01 (whole, share 1).
const char* const provinces_successions = R"csv(old,new,from
Tuyên Quang,Tuyên Quang,2025-07-01
Hà Giang,Tuyên Quang,2025-07-01
Lào Cai,Lào Cai,2025-07-01
Yên Bái,Lào Cai,2025-07-01
Bắc Kạn,Thái Nguyên,2025-07-01
Thái Nguyên,Thái Nguyên,2025-07-01
Vĩnh Phúc,Phú Thọ,2025-07-01
Hòa Bình,Phú Thọ,2025-07-01
Phú Thọ,Phú Thọ,2025-07-01
Bắc Ninh,Bắc Ninh,2025-07-01
Bắc Giang,Bắc Ninh,2025-07-01
Hưng Yên,Hưng Yên,2025-07-01
Thái Bình,Hưng Yên,2025-07-01
Hải Dương,Hải Phòng,2025-07-01
Hải Phòng,Hải Phòng,2025-07-01
Hà Nam,Ninh Bình,2025-07-01
Ninh Bình,Ninh Bình,2025-07-01
Nam Định,Ninh Bình,2025-07-01
Quảng Bình,Quảng Trị,2025-07-01
Quảng Trị,Quảng Trị,2025-07-01
Quảng Nam,Đà Nẵng,2025-07-01
Đà Nẵng,Đà Nẵng,2025-07-01
Kon Tum,Quảng Ngãi,2025-07-01
Quảng Ngãi,Quảng Ngãi,2025-07-01
Gia Lai,Gia Lai,2025-07-01
Bình Định,Gia Lai,2025-07-01
Ninh Thuận,Khánh Hòa,2025-07-01
Khánh Hòa,Khánh Hòa,2025-07-01
Đắk Nông,Lâm Đồng,2025-07-01
Bình Thuận,Lâm Đồng,2025-07-01
Lâm Đồng,Lâm Đồng,2025-07-01
Đắk Lắk,Đắk Lắk,2025-07-01
Phú Yên,Đắk Lắk,2025-07-01
Bà Rịa - Vũng Tàu,Hồ Chí Minh,2025-07-01
Bình Dương,Hồ Chí Minh,2025-07-01
Hồ Chí Minh,Hồ Chí Minh,2025-07-01
Đồng Nai,Đồng Nai,2025-07-01
Bình Phước,Đồng Nai,2025-07-01
Tây Ninh,Tây Ninh,2025-07-01
Long An,Tây Ninh,2025-07-01
Cần Thơ,Cần Thơ,2025-07-01
Sóc Trăng,Cần Thơ,2025-07-01
Hậu Giang,Cần Thơ,2025-07-01
Bến Tre,Vĩnh Long,2025-07-01
Vĩnh Long,Vĩnh Long,2025-07-01
Trà Vinh,Vĩnh Long,2025-07-01
Tiền Giang,Đồng Tháp,2025-07-01
Đồng Tháp,Đồng Tháp,2025-07-01
Cà Mau,Cà Mau,2025-07-01
Bạc Liêu,Cà Mau,2025-07-01
Kiên Giang,An Giang,2025-07-01
An Giang,An Giang,2025-07-01
)csv";

}  // namespace dxkit::units::data
