// The provincial agencies of the 2025 reorganisation, as data: two CSV tables compiled in.
//
// Sources:
// - Decree 45/2025/NĐ-CP of 28 February 2025 on the specialised agencies of provincial people's
//   committees (in force 2025-03-01): the departments every province has are Nội vụ, Tư pháp,
//   Tài chính, Công Thương, Nông nghiệp và Môi trường, Xây dựng, Khoa học và Công nghệ, Văn
//   hóa - Thể thao và Du lịch, Giáo dục và Đào tạo, Y tế, the inspectorate and the office of the
//   committee; Dân tộc và Tôn giáo where needed. As summarised by the Đồng Nai People's Council:
//   http://hdnd.dongnai.gov.vn/Pages/glp-quydinhmoivecoquanchuyenmonthu-glpnd-34299-glpnc-4-glpsite-1.html
//   The in-force date 2025-03-01 is as the issue and the provinces' announcements give it; the
//   decree's own text was not reachable in session 6. Corroborated by the Ministry's magazine:
//   "Các Sở KH&CN sau hợp nhất đã đi vào hoạt động kể từ ngày 1/3/2025" (ictvietnam.vn,
//   10/03/2025, https://ictvietnam.vn/print/69097.html).
//   The mergers: Thông tin và Truyền thông into Khoa học và Công nghệ (press and publishing to
//   Văn hóa, Thể thao và Du lịch); Kế hoạch và Đầu tư into Tài chính; Tài nguyên và Môi trường
//   with Nông nghiệp và Phát triển nông thôn as Nông nghiệp và Môi trường; Giao thông vận tải
//   into Xây dựng; Lao động - Thương binh và Xã hội into Nội vụ (social protection, children
//   and social evils to Y tế, vocational education to Giáo dục và Đào tạo); Ban Dân tộc as Sở
//   Dân tộc và Tôn giáo.
// - The district level ends on 2025-07-01 (Resolution 203/2025/QH15 amending the Constitution;
//   Law 72/2025/QH15 on the organisation of local government): tasks of UBND cấp huyện pass to
//   UBND cấp xã (or to the province, by sector; the note says so).
// A split by function has no share of money: the principal successor takes the whole (share 1)
// and the note names where the other functions went.
#include "units/data/tables.hpp"

namespace dxkit::units::data {

const char* const agencies_units = R"csv(code,name,kind,from,until,spellings,source
Sở TTTT,Sở Thông tin và Truyền thông,sở,,2025-02-28,Sở TTTT|Sở TT&TT|Sở TT-TT|Sở Thông tin - Truyền thông,Decree 45/2025/NĐ-CP
Sở KHĐT,Sở Kế hoạch và Đầu tư,sở,,2025-02-28,Sở KHĐT|Sở KH&ĐT|Sở KH-ĐT,Decree 45/2025/NĐ-CP
Sở TNMT,Sở Tài nguyên và Môi trường,sở,,2025-02-28,Sở TNMT|Sở TN&MT|Sở TN-MT,Decree 45/2025/NĐ-CP
Sở NNPTNT,Sở Nông nghiệp và Phát triển nông thôn,sở,,2025-02-28,Sở NNPTNT|Sở NN&PTNT|Sở NN-PTNT,Decree 45/2025/NĐ-CP
Sở GTVT,Sở Giao thông vận tải,sở,,2025-02-28,Sở GTVT|Sở GT-VT,Decree 45/2025/NĐ-CP
Sở LĐTBXH,Sở Lao động - Thương binh và Xã hội,sở,,2025-02-28,Sở LĐTBXH|Sở LĐ-TB&XH|Sở LĐTB&XH,Decree 45/2025/NĐ-CP
Ban Dân tộc,Ban Dân tộc,ban,,2025-02-28,,Decree 45/2025/NĐ-CP
Sở KHCN,Sở Khoa học và Công nghệ,sở,,,Sở KHCN|Sở KH&CN|Sở KH-CN,Decree 45/2025/NĐ-CP
Sở Tài chính,Sở Tài chính,sở,,,Sở TC,Decree 45/2025/NĐ-CP
Sở NNMT,Sở Nông nghiệp và Môi trường,sở,2025-03-01,,Sở NNMT|Sở NN&MT|Sở NN-MT,Decree 45/2025/NĐ-CP
Sở Xây dựng,Sở Xây dựng,sở,,,Sở XD,Decree 45/2025/NĐ-CP
Sở Nội vụ,Sở Nội vụ,sở,,,Sở NV,Decree 45/2025/NĐ-CP
Sở DTTG,Sở Dân tộc và Tôn giáo,sở,2025-03-01,,Sở DTTG|Sở DT&TG,Decree 45/2025/NĐ-CP
UBND cấp huyện,UBND cấp huyện,ủy ban,,2025-06-30,UBND huyện|UBND các huyện|Ủy ban nhân dân cấp huyện|UBND các huyện thị xã thành phố|UBND các huyện thị xã thành phố thuộc tỉnh|UBND các huyện thành phố,Law 72/2025/QH15
UBND cấp xã,UBND cấp xã,ủy ban,,,UBND xã|UBND các xã|Ủy ban nhân dân cấp xã|UBND các xã phường thị trấn|UBND các xã phường,Law 72/2025/QH15
)csv";

const char* const agencies_successions = R"csv(old,new,from,note,source
Sở Thông tin và Truyền thông,Sở Khoa học và Công nghệ,2025-03-01,"press, publishing and broadcasting to Sở Văn hóa, Thể thao và Du lịch",Decree 45/2025/NĐ-CP
Sở Kế hoạch và Đầu tư,Sở Tài chính,2025-03-01,,Decree 45/2025/NĐ-CP
Sở Tài nguyên và Môi trường,Sở Nông nghiệp và Môi trường,2025-03-01,,Decree 45/2025/NĐ-CP
Sở Nông nghiệp và Phát triển nông thôn,Sở Nông nghiệp và Môi trường,2025-03-01,,Decree 45/2025/NĐ-CP
Sở Giao thông vận tải,Sở Xây dựng,2025-03-01,,Decree 45/2025/NĐ-CP
Sở Lao động - Thương binh và Xã hội,Sở Nội vụ,2025-03-01,"social protection, children and social evils to Sở Y tế; vocational education to Sở Giáo dục và Đào tạo",Decree 45/2025/NĐ-CP
Ban Dân tộc,Sở Dân tộc và Tôn giáo,2025-03-01,,Decree 45/2025/NĐ-CP
UBND cấp huyện,UBND cấp xã,2025-07-01,district tasks pass to the communes or to the province by sector,Resolution 203/2025/QH15; Law 72/2025/QH15
)csv";

}  // namespace dxkit::units::data
