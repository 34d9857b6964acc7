package com.xinfang.audit.web;

import com.xinfang.audit.AuditLog;
import com.xinfang.identity.StaffNames;
import com.xinfang.platform.PageController;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The audit log for administrators, with the result of re-checking the hash chain. Shown with
 * people's names and units and the act in words; the stored entry (and its chain) is unchanged, the
 * code stays in the row's title for whoever needs it.
 */
@PageController
class AuditPage {

	/** The acts the log records, in words. A prefix ending in "_" covers its kinds. */
	static final Map<String, String> ACTIONS = Map.ofEntries(Map.entry("KEY_PERSON_ADDED", "重点人员：列入"), Map.entry("KEY_PERSON_VIEWED", "重点人员：查看"),
			Map.entry("KEY_PERSON_LISTED", "重点人员：查看名单"), Map.entry("KEY_PERSON_VISIT", "重点人员：记录走访"),
			Map.entry("KEY_PERSON_RENEWED", "重点人员：续期"), Map.entry("KEY_PERSON_REMOVED", "重点人员：移出"),
			Map.entry("KEY_PERSON_VIEW_REFUSED", "重点人员：查看被拒绝"), Map.entry("DECISION_REGISTERED", "重大决策：登记"),
			Map.entry("DECISION_ASSESSED", "重大决策：记录稳评"), Map.entry("DECISION_TAKEN", "重大决策：记录作出决策"),
			Map.entry("DECISION_LINKED", "重大决策：关联信访或纠纷"), Map.entry("VILLAGE_SELF_ASSESSED", "无上访村：村自评"),
			Map.entry("VILLAGE_TOWNSHIP_REVIEWED", "无上访村：乡镇审核"), Map.entry("VILLAGE_COUNTY_DECIDED", "无上访村：县级审批"),
			Map.entry("DISPUTE_REFERRED_FROM_PETITION", "信访事项转调解"), Map.entry("HANDOVER_UPDATE", "交接：更新事项"),
			Map.entry("UNMASK", "查看完整身份信息"),
			Map.entry("UNMASK_REFUSED", "查看完整身份信息被拒绝"), Map.entry("CASE_OWNERSHIP", "领导包案"),
			Map.entry("JOINT_WHISTLE", "吹哨报到：发起"), Map.entry("JOINT_REPORT_IN", "吹哨报到：报到"),
			Map.entry("JOINT_REPLY", "吹哨报到：反馈"), Map.entry("JOINT_MEETING", "联席会议"),
			Map.entry("LEADER_RECEPTION", "领导接访"), Map.entry("ART26_RECORD", "记录违反第二十六条的行为"),
			Map.entry("ART26_REFUSED", "查阅第二十六条记录被拒绝"), Map.entry("CALENDAR_DAY_ADD", "节假日：新增"),
			Map.entry("CALENDAR_DAY_CHANGE", "节假日：修改"), Map.entry("CALENDAR_DAY_DELETE", "节假日：删除"),
			Map.entry("TIME_LIMIT_CHANGE", "办理时限：修改"), Map.entry("HANDOVER_EXPORT", "交接：导出"),
			Map.entry("HANDOVER_IMPORT", "交接：导入"), Map.entry("HANDOVER_CONFLICT", "交接：冲突"),
			Map.entry("PARTNER_REGISTER", "合作系统：登记"), Map.entry("PARTNER_ROTATE", "合作系统：更换密钥"),
			Map.entry("PARTNER_REVOKE", "合作系统：停用"), Map.entry("PARTNER_PERMISSIONS", "合作系统：权限"),
			Map.entry("HOTLINE_ORDER", "12345工单转入"), Map.entry("OPEN311_REQUEST", "外部系统诉求转入"),
			Map.entry("GRID_PATROL", "网格巡查"), Map.entry("GRID_ZERO_REPORT", "网格零报告"),
			Map.entry("DISPUTE_REGISTERED", "矛盾纠纷登记"), Map.entry("DISPUTE_UNMASK", "矛盾纠纷：查看当事人信息"),
			Map.entry("DISPUTE_UNMASK_REFUSED", "矛盾纠纷：查看当事人信息被拒绝"),
			Map.entry("DISPUTE_AGREEMENT_PDF", "调解协议书"), Map.entry("MEDIATION_ORG_CREATED", "新建调解组织"),
			Map.entry("MEDIATOR_ADDED", "增加调解员"), Map.entry("MEDIATOR_REMOVED", "移除调解员"),
			Map.entry("SUPERVISION_URGE", "催办"), Map.entry("SUPERVISION_SUPERVISE", "督办"),
			Map.entry("SUPERVISION_LISTED", "挂牌督办"), Map.entry("SUPERVISION_INTERVIEW", "约谈"),
			Map.entry("SUPERVISION_CIRCULAR", "通报"), Map.entry("FINDING_SHOULD_HAVE_ACCEPTED", "认定：应受理而不受理"),
			Map.entry("FINDING_SHOULD_HAVE_HANDLED", "认定：应办理而不办理"),
			Map.entry("RECOMMENDATION_IMPROVEMENT", "改进工作建议"), Map.entry("RECOMMENDATION_POLICY", "完善政策建议"),
			Map.entry("RECOMMENDATION_ACCOUNTABILITY", "追责问责建议"));

	/** A unit code as the directory writes them (CD-ZJJ, WL-XFJ): replaced by the unit's name. */
	private static final Pattern UNIT_CODE = Pattern.compile("\\b[A-Z]{2,}(?:-[A-Z0-9]+)+\\b");

	private final AuditLog audit;

	private final StaffNames names;

	AuditPage(AuditLog audit, StaffNames names) {
		this.audit = audit;
		this.names = names;
	}

	record Row(long id, OffsetDateTime at, String actor, String actorCode, String action, String actionCode, String target,
			String detail) {
	}

	@GetMapping("/admin/audit")
	String audit(Model model) {
		var cache = new HashMap<String, String>();
		model.addAttribute("entries", audit.recent(300)
			.stream()
			.map(e -> new Row(e.id(), e.at(), cache.computeIfAbsent(String.valueOf(e.actor()), names::of), e.actor(),
					action(e.action()), e.action(), units(e.target()), units(e.detail())))
			.toList());
		model.addAttribute("brokenAt", audit.verify());
		return "admin/audit";
	}

	static String action(String code) {
		return code == null ? "" : ACTIONS.getOrDefault(code, code);
	}

	private String units(String text) {
		if (text == null) {
			return "";
		}
		Matcher m = UNIT_CODE.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(out, Matcher.quoteReplacement(names.unit(m.group())));
		}
		m.appendTail(out);
		return out.toString();
	}

}
