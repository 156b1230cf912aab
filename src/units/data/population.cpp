// The average population of the 63 provinces in 2024, as data: the weight of the default
// carrying rule weighted_mean(population) (rankings across the 2025 reorganisation).
//
// Source: General Statistics Office of Viet Nam (Tổng cục Thống kê, now the National Statistics
// Office, Cục Thống kê, Ministry of Finance), table "Diện tích, dân số và mật độ dân số phân theo
// địa phương" / "Area, population and population density by province", 2024, column "Dân số
// trung bình (Nghìn người)" (average population, thousand persons, one decimal): the statistics
// database https://pxweb.nso.gov.vn/ (Population and Employment, table E02.01); Niên giám thống
// kê 2024 (Statistical Yearbook of Viet Nam 2024) prints the same table. Read on 2026-12-01 from a
// public transcription of the PX-Web table that names it and its address (the R package vnmap,
// https://github.com/ura8107/vnmap, data-raw/source/nso_province_stats_2024_63.csv at commit
// 607db7a178e72aeed412e5baa3bb779195df14a3, fetched by its author on 2026-07-13).
//
// Checks (tests/cpp/units/population_test.cpp holds the sum and the national total):
// - the 63 figures sum to 101 343.9 thousand; the Statistics Office's national average
//   population for 2024 is 101 343 754 persons (101 343.8 thousand; "Socio-economic situation in
//   the fourth quarter and 2024", data table sheet 44, as cited by Zenodo record 19707349), and
//   "101,3 triệu người" at its press conference of 6 January 2025: equal within the rounding of
//   63 figures to a hundred persons;
// - the 11 provinces not arranged in 2025 (Hà Nội 8 717.6, Cao Bằng 558.5, Điện Biên 656.7,
//   Lai Châu 495.5, Sơn La 1 330.6, Lạng Sơn 814.0, Quảng Ninh 1 396.5, Thanh Hóa 3 764.2, Nghệ
//   An 3 472.3, Hà Tĩnh 1 329.8, Huế 1 178.6) agree with a second, independent transcription
//   citing "Niên giám thống kê 2024, bảng 19/21"; Điện Biên with the province's statistics office
//   (656 717 persons, estimate for 2024); the Red River Delta (24 015.9) and the Central
//   Highlands (6 241.1) with the mid-term population survey of 1 April 2024 (24 and 6.2 million).
// - Thái Bình (1 890.4; 1 882.3 in 2023) was not found in a second source for 2024.
// Figures for 2024 are as first published and may be revised by the Office.
#include "units/data/tables.hpp"

namespace dxkit::units::data {

const char* const population_year = "2024";
const char* const population_source =
    "GSO (Cục Thống kê), average population by province 2024, thousand persons: Niên giám "
    "thống kê 2024 / PX-Web table E02.01, https://pxweb.nso.gov.vn/";
const char* const population_national_thousand = "101343.8";

// code,name,thousand: the codes and names of the 63 in provinces.cpp.
const char* const population = R"csv(code,name,thousand
01,Hà Nội,8717.6
02,Hà Giang,911.4
04,Cao Bằng,558.5
06,Bắc Kạn,329.3
08,Tuyên Quang,820.3
10,Lào Cai,792.2
11,Điện Biên,656.7
12,Lai Châu,495.5
14,Sơn La,1330.6
15,Yên Bái,864.4
17,Hòa Bình,894.5
19,Thái Nguyên,1365.2
20,Lạng Sơn,814.0
22,Quảng Ninh,1396.5
24,Bắc Giang,1962.6
25,Phú Thọ,1543.9
26,Vĩnh Phúc,1225.3
27,Bắc Ninh,1546.6
30,Hải Dương,1978.2
31,Hải Phòng,2124.5
33,Hưng Yên,1318.1
34,Thái Bình,1890.4
35,Hà Nam,894.2
36,Nam Định,1894.2
37,Ninh Bình,1030.3
38,Thanh Hóa,3764.2
40,Nghệ An,3472.3
42,Hà Tĩnh,1329.8
44,Quảng Bình,924.8
45,Quảng Trị,659.2
46,Huế,1178.6
48,Đà Nẵng,1276.0
49,Quảng Nam,1543.9
51,Quảng Ngãi,1259.9
52,Bình Định,1518.5
54,Phú Yên,885.2
56,Khánh Hòa,1269.3
58,Ninh Thuận,612.7
60,Bình Thuận,1266.2
62,Kon Tum,601.8
64,Gia Lai,1634.9
66,Đắk Lắk,1946.2
67,Đắk Nông,695.7
68,Lâm Đồng,1362.5
70,Bình Phước,1062.3
72,Tây Ninh,1202.8
74,Bình Dương,2870.6
75,Đồng Nai,3365.4
77,Bà Rịa - Vũng Tàu,1194.6
79,Hồ Chí Minh,9543.6
80,Long An,1756.2
82,Tiền Giang,1796.1
83,Bến Tre,1306.3
84,Trà Vinh,1023.9
86,Vĩnh Long,1037.3
87,Đồng Tháp,1601.1
89,An Giang,1912.6
91,Kiên Giang,1766.7
92,Cần Thơ,1271.7
93,Hậu Giang,730.0
94,Sóc Trăng,1205.3
95,Bạc Liêu,928.7
96,Cà Mau,1212.0
)csv";

}  // namespace dxkit::units::data
