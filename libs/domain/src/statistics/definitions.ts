/**
 * What the statistics count, in words the office reads, with the legal source of each definition.
 * The API documents every figure with these texts (OpenAPI descriptions), so the numbers and their
 * meaning come from one place.
 */
export interface StatisticsDefinition {
  /** Vietnamese: what is counted. */
  text: string;
  /** The legal source, or "assumed" where the law leaves the operational rule to the province. */
  source: string;
}

export const STATISTICS_DEFINITIONS = {
  directWorker: {
    text:
      'Cá nhân trực tiếp lao động, sản xuất, công tác (người lao động trực tiếp): công nhân, nông dân, người lao động, ' +
      'cán bộ, công chức, viên chức không giữ chức vụ lãnh đạo, quản lý. Đơn vị ghi nhận khi lập hồ sơ (`nominee.directWorker`). ' +
      'Tỷ lệ = số cá nhân được khen là người lao động trực tiếp / số cá nhân được khen có ghi nhận thông tin này.',
    source:
      'Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 5 (nguyên tắc khen thưởng: chú trọng khen thưởng cá nhân trực tiếp lao động, sản xuất, công tác); ' +
      'Nghị định 98/2023/NĐ-CP. Cách hiểu "không giữ chức vụ lãnh đạo, quản lý" là giả định vận hành, tỉnh xác nhận.',
  },
  grassroots: {
    text:
      'Tập thể cơ sở (tập thể nhỏ): tổ, đội, phòng, khoa, trường học, trạm y tế, hợp tác xã, xã, phường, thị trấn... — ' +
      'không phải cơ quan cấp tỉnh, cấp huyện. Đơn vị ghi nhận khi lập hồ sơ (`nominee.grassroots`). ' +
      'Tỷ lệ = số tập thể được khen là tập thể cơ sở / số tập thể được khen có ghi nhận thông tin này.',
    source:
      'Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 5 (chú trọng khen thưởng tập thể nhỏ, tập thể cơ sở); Nghị định 98/2023/NĐ-CP. ' +
      'Danh sách loại tập thể là giả định vận hành, tỉnh xác nhận.',
  },
  women: {
    text: 'Tỷ lệ nữ = số cá nhân nữ được khen / số cá nhân được khen có ghi nhận giới tính (`nominee.gender`).',
    source:
      'Luật Bình đẳng giới số 73/2006/QH11 (thống kê theo giới tính); Luật Thi đua, khen thưởng 06/2022/QH15, Điều 5 (bình đẳng giới).',
  },
  awards: {
    text: 'Khen thưởng = quyết định khen thưởng đã ký và chưa bị hủy bỏ; khen thưởng đã bị hủy bỏ được đếm riêng (revoked).',
    source: 'Luật Thi đua, khen thưởng 06/2022/QH15 (hủy bỏ quyết định khen thưởng, thu hồi hiện vật và tiền thưởng).',
  },
  amountPaid: {
    text:
      'Tiền thưởng = hệ số (cashMultiple của hình thức khen thưởng) × mức lương cơ sở có hiệu lực vào ngày ký quyết định (giờ Việt Nam), ' +
      'cộng cho các khen thưởng chưa bị hủy (khen thưởng bị hủy thì tiền thưởng bị thu hồi).',
    source:
      'Nghị định 98/2023/NĐ-CP (mức tiền thưởng theo hệ số lương cơ sở); Nghị định 73/2024/NĐ-CP (lương cơ sở 2.340.000 đồng từ 01/7/2024).',
  },
  timeliness: {
    text:
      'Tính kịp thời: số ngày (ngày lịch, có phần lẻ) của từng giai đoạn, trung bình trên các hồ sơ đã đi hết giai đoạn đó — ' +
      'từ khi trình đến khi ký quyết định (submissionToDecision); cụm xét: từ khi trình đến khi cụm đồng ý hoặc từ chối (gồm các vòng trả lại bổ sung); ' +
      'Hội đồng: từ khi hồ sơ đến Hội đồng đến khi kết thúc biểu quyết; ký: từ khi kết thúc biểu quyết đến khi ký hoặc từ chối ký.',
    source:
      'Luật Thi đua, khen thưởng 06/2022/QH15, Điều 5 (khen thưởng kịp thời); thời hạn từng giai đoạn trong award-catalog.json (stageTimeLimits).',
  },
} as const satisfies Record<string, StatisticsDefinition>;
