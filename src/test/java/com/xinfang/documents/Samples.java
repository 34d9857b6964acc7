package com.xinfang.documents;

import static com.xinfang.documents.DocumentFields.*;

import java.time.LocalDate;
import java.util.Map;

/** Realistic documents of each kind, for a matter registered in 武陵区 on 2026-03-02. */
final class Samples {

	static final String NUMBER = "XF430702260302000123";

	static final LocalDate RECEIVED = LocalDate.of(2026, 3, 2);

	static final LocalDate ISSUED = LocalDate.of(2026, 3, 5);

	static final String TITLE = "小区物业公司未经业主大会表决收取停车费";

	static final String HOUSING = "常德市住房和城乡建设局";

	/** The 发文字号 every sample carries. */
	static final DocumentNumber DOC_NUMBER = new DocumentNumber("常住建信", 2026, 12);

	private Samples() {
	}

	static OfficialDocument of(DocumentKind kind) {
		return unnumbered(kind).numbered(DOC_NUMBER);
	}

	static OfficialDocument unnumbered(DocumentKind kind) {
		return switch (kind) {
			case ACCEPTANCE_NOTICE -> doc(kind, HOUSING, "张三", Map.of(ACCEPTED_ON, "2026-03-05", DEADLINE, "2026-05-04",
					CONTACT, "王明  0736-7212345"));
			case NON_ACCEPTANCE_NOTICE -> new OfficialDocument(kind, NUMBER, "常德市人力资源和社会保障局", ISSUED, "李四",
					"要求常德某建筑劳务有限公司支付拖欠工资", RECEIVED,
					Map.of(REASON, "你反映的常德某建筑劳务有限公司拖欠你2025年7月至12月工资共计38600元的问题，属于劳动者与用人单位之间的劳动争议。",
							LEGAL_CHANNEL, "ARBITRATION", COMPETENT_AUTHORITY, "常德市劳动人事争议仲裁院", CONTACT,
							"赵敏  0736-7226688"));
			case NOT_ACCEPTED_AGAIN_NOTICE -> new OfficialDocument(kind, NUMBER, "常德市信访局", ISSUED, "王五",
					"要求按2019年标准补发征收过渡安置费", RECEIVED,
					Map.of(PREVIOUS_AUTHORITY, "湖南省人民政府", PREVIOUS_OPINION_ON, "2025-11-20", REASON,
							"均为要求按2019年标准补发2020年1月至2023年6月的过渡安置费"));
			case TRANSFER_SLIP -> new OfficialDocument(kind, NUMBER, "常德市信访局", ISSUED, HOUSING, TITLE, RECEIVED,
					Map.of(PETITIONER_NAME, "张三", SUMMARY,
							"信访人反映：其居住的武陵区丹阳街道某小区物业服务企业自2026年1月起对地面共有车位按每月300元收取停车费，收费未经业主大会表决，也未公示收支情况。\n信访人请求：停止收费，退还已收取的费用。",
							INSTRUCTIONS, "请依法调查处理，并按期书面告知信访人是否受理。", DEADLINE, "2026-03-20",
							COMMUNICATION_WITH, "市住建局信访科 刘强", COMMUNICATION_TIME, "2026-03-03T10:30",
							COMMUNICATION_SUMMARY, "电话沟通，对方确认属其职责范围，同意接收，并于3日内作出是否受理的决定。", CONTACT,
							"陈红  0736-7250001"));
			case ASSIGNMENT_SLIP -> new OfficialDocument(kind, NUMBER, "常德市信访局", ISSUED, "常德市武陵区人民政府", TITLE,
					RECEIVED,
					Map.of(PETITIONER_NAME, "张三", SUMMARY, "信访人反映小区物业服务企业未经业主大会表决收取地面共有车位停车费，要求停止收费并退还已收费用。",
							INSTRUCTIONS, "该事项群众反映强烈，请主要负责同志牵头调查处理，依法维护业主合法权益。", DEADLINE, "2026-04-30",
							COMMUNICATION_WITH, "武陵区信访局 孙丽", COMMUNICATION_TIME, "2026-03-04T09:00",
							COMMUNICATION_SUMMARY, "当面沟通，区政府同意承办并按期报送办结报告。", CONTACT, "陈红  0736-7250001"));
			case EXTENSION_NOTICE -> doc(kind, HOUSING, "张三",
					Map.of(ACCEPTED_ON, "2026-03-05", EXTENSION_DAYS, "30", REASON,
							"该信访事项涉及小区共有车位的权属认定，需调取规划许可、不动产登记等资料并组织业主代表听证", NEW_DEADLINE,
							"2026-06-03", CONTACT, "王明  0736-7212345"));
			case HANDLING_OPINION -> doc(kind, HOUSING, "张三", Map.of(ACCEPTED_ON, "2026-03-05", REQUEST,
					"请求责令物业服务企业停止收取地面共有车位停车费，并退还2026年1月以来已收取的费用。", FACTS,
					"经调取该小区建设工程规划许可资料、不动产登记资料，并询问业主委员会和物业服务企业，查明：小区地面车位位于业主共有的道路上，属于业主共有；物业服务企业自2026年1月起按每月300元收取停车费，未经业主大会决定。",
					RESULT, "支持", OPINION,
					"依据《中华人民共和国民法典》第二百七十五条第二款和《物业管理条例》的有关规定，占用业主共有的道路或者其他场地用于停放汽车的车位，属于业主共有，其收费应当由业主共同决定。本机关已责令该物业服务企业自2026年4月1日起停止收费，并于30日内将已收取的费用退还业主或经业主大会决定后用于小区公共事务。",
					NEXT_AUTHORITY, "常德市人民政府", CONTACT, "王明  0736-7212345"));
			case REEXAMINATION_OPINION -> new OfficialDocument(kind, NUMBER, "常德市人民政府", LocalDate.of(2026, 6, 5), "张三",
					TITLE, LocalDate.of(2026, 5, 10),
					Map.of(PREVIOUS_AUTHORITY, HOUSING, PREVIOUS_OPINION_ON, "2026-04-28", REQUEST,
							"请求撤销原处理意见中“经业主大会决定后用于小区公共事务”的内容，将已收费用全部退还业主本人。", FACTS,
							"复查查明，原处理意见认定事实清楚，适用依据正确，程序合法。该小区业主大会已于2026年5月20日决定将已收费用全部退还业主。",
							RESULT, "维持原处理意见", OPINION, "鉴于业主大会已作出全部退还的决定，你的复查请求已经实现，本机关维持原处理意见。",
							NEXT_AUTHORITY, "湖南省人民政府"));
			case SUPERVISION_ORDER -> new OfficialDocument(kind, NUMBER, "常德市信访局", ISSUED, "常德市住房和城乡建设局", TITLE, RECEIVED,
					Map.of(REASON, "已超过法定办理期限仍未出具处理意见", DEADLINE, "2026-04-10", INSTRUCTIONS,
							"请主要负责同志牵头，查明超期原因，尽快出具处理意见并送达信访人。", CONTACT, "赵督办  0736-7250002"));
			case REVIEW_OPINION -> new OfficialDocument(kind, NUMBER, "湖南省人民政府", LocalDate.of(2026, 8, 3), "张三", TITLE,
					LocalDate.of(2026, 7, 1),
					Map.of(PREVIOUS_AUTHORITY, "常德市人民政府", PREVIOUS_OPINION_ON, "2026-06-05", REQUEST,
							"请求认定物业服务企业违法收费并给予行政处罚。", FACTS, "复核查明，物业服务企业已停止收费并退还全部费用，常德市人民政府复查意见认定事实清楚。",
							RESULT, "维持复查意见", OPINION, "对物业服务企业的价格违法行为是否给予行政处罚，由市场监督管理部门依法调查处理，不属于信访复核的范围。本机关维持常德市人民政府的复查意见。"));
			case MEDIATION_AGREEMENT -> new OfficialDocument(kind, "JF43070220261206000001", "穿紫河街道人民调解委员会", ISSUED, null,
					"楼上漏水致楼下天花板受损", RECEIVED,
					Map.of(DocumentFields.PARTIES, "谭春生（申请人），住址常德市武陵区紫桥社区3栋302室。\n郭丽华（被申请人），住址常德市武陵区紫桥社区3栋402室。",
							FACTS, "402室卫生间防水层老化漏水，致302室天花板受损。", DocumentFields.RESPONSIBILITIES, "402室业主负有维修责任。",
							DocumentFields.TERMS, "郭丽华赔偿谭春生修复费用人民币贰仟元整。", DocumentFields.PERFORMANCE, "转账一次付清，2026年12月20日前履行完毕。",
							DocumentFields.MEDIATOR_NAME, "黄调解"));
		};
	}

	private static OfficialDocument doc(DocumentKind kind, String unit, String addressee, Map<String, String> fields) {
		return new OfficialDocument(kind, NUMBER, unit, ISSUED, addressee, TITLE, RECEIVED, fields);
	}

	/** The least each kind needs: no addressee (except slips), title, receipt date or optional field. */
	static OfficialDocument minimal(DocumentKind kind) {
		OfficialDocument doc = OfficialDocument.of(kind, NUMBER, "常德市信访局", ISSUED,
				kind.isSlip() ? "常德市武陵区人民政府" : null, null, null).numbered(new DocumentNumber("常信访", 2026, 1));
		return switch (kind) {
			case NON_ACCEPTANCE_NOTICE -> doc.with(REASON, "该事项不属于本机关职权范围");
			case EXTENSION_NOTICE -> doc.with(EXTENSION_DAYS, "15").with(REASON, "情况复杂");
			case HANDLING_OPINION -> doc.with(RESULT, "不予支持").with(OPINION, "经研究，你的请求缺乏事实根据。");
			case REEXAMINATION_OPINION, REVIEW_OPINION -> doc.with(OPINION, "维持原意见。");
			case ASSIGNMENT_SLIP -> doc.with(DEADLINE, "2026-04-30");
			case SUPERVISION_ORDER -> doc.with(DEADLINE, "2026-04-30").with(REASON, "办理超期");
			default -> doc;
		};
	}

}
