package com.xinfang.documents;

import static com.xinfang.documents.DocumentFields.ACCEPTED_ON;
import static com.xinfang.documents.DocumentFields.COMMUNICATION_SUMMARY;
import static com.xinfang.documents.DocumentFields.COMMUNICATION_TIME;
import static com.xinfang.documents.DocumentFields.COMMUNICATION_WITH;
import static com.xinfang.documents.DocumentFields.COMPETENT_AUTHORITY;
import static com.xinfang.documents.DocumentFields.CONTACT;
import static com.xinfang.documents.DocumentFields.DEADLINE;
import static com.xinfang.documents.DocumentFields.EXTENSION_DAYS;
import static com.xinfang.documents.DocumentFields.FACTS;
import static com.xinfang.documents.DocumentFields.INSTRUCTIONS;
import static com.xinfang.documents.DocumentFields.LEGAL_CHANNEL;
import static com.xinfang.documents.DocumentFields.NEW_DEADLINE;
import static com.xinfang.documents.DocumentFields.NEXT_AUTHORITY;
import static com.xinfang.documents.DocumentFields.OPINION;
import static com.xinfang.documents.DocumentFields.PETITIONER_NAME;
import static com.xinfang.documents.DocumentFields.PREVIOUS_AUTHORITY;
import static com.xinfang.documents.DocumentFields.PREVIOUS_OPINION_ON;
import static com.xinfang.documents.DocumentFields.REASON;
import static com.xinfang.documents.DocumentFields.REQUEST;
import static com.xinfang.documents.DocumentFields.RESULT;
import static com.xinfang.documents.DocumentFields.SUMMARY;
import static com.xinfang.documents.Regulation.APPEAL_DAYS;
import static com.xinfang.documents.Regulation.HANDLING_DAYS;
import static com.xinfang.documents.Regulation.MAX_EXTENSION_DAYS;
import static com.xinfang.documents.Regulation.cite;

import com.xinfang.documents.Draft.Block;
import com.xinfang.documents.Draft.Heading;
import com.xinfang.documents.Draft.Paragraph;
import com.xinfang.documents.Draft.Row;
import com.xinfang.documents.Draft.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The words of each document: the fixed legal wording around the caller's facts, reasons and
 * opinions. Every optional piece is left out cleanly when it is missing; a piece a document
 * cannot do without is refused with a message that names it.
 */
final class Wording {

	private static final String SECTION_NUMBERS = "一二三四五六七八九十";

	/** 处理结果 under Art 32. */
	enum Result {

		SUPPORT("支持", "你的信访请求事实清楚，符合有关规定，本机关予以支持。"),
		EXPLAIN("解释说明", "你的信访请求事由合理，但缺乏法律依据，本机关对此作出解释说明。"),
		NOT_SUPPORTED("不予支持", "你的信访请求缺乏事实根据或者不符合有关规定，本机关不予支持。");

		final String label;

		final String sentence;

		Result(String label, String sentence) {
			this.label = label;
			this.sentence = sentence;
		}

		static Optional<Result> parse(String value) {
			String v = DocumentText.clause(value);
			for (Result r : values()) {
				if (r.name().equalsIgnoreCase(v) || r.label.equals(v) || ("予以" + r.label).equals(v)) {
					return Optional.of(r);
				}
			}
			return Optional.empty();
		}

	}

	private final OfficialDocument doc;

	private final List<Block> body = new ArrayList<>();

	private int sections;

	private Wording(OfficialDocument doc) {
		this.doc = doc;
	}

	static Draft draft(OfficialDocument doc) {
		Wording w = new Wording(doc);
		switch (doc.kind()) {
			case ACCEPTANCE_NOTICE -> w.acceptance();
			case NON_ACCEPTANCE_NOTICE -> w.nonAcceptance();
			case NOT_ACCEPTED_AGAIN_NOTICE -> w.notAcceptedAgain();
			case TRANSFER_SLIP -> w.transfer();
			case ASSIGNMENT_SLIP -> w.assignment();
			case EXTENSION_NOTICE -> w.extension();
			case HANDLING_OPINION -> w.handlingOpinion();
			case REEXAMINATION_OPINION -> w.reexaminationOpinion();
			case REVIEW_OPINION -> w.reviewOpinion();
			case SUPERVISION_ORDER -> w.supervisionOrder();
			case MEDIATION_AGREEMENT -> w.mediationAgreement();
		}
		String number = DocumentText.line(doc.petitionNumber());
		String issuer = DocumentText.line(doc.issuingUnitName());
		String addressee = w.addressee().map(a -> a + "：").orElse(null);
		if (doc.kind() == DocumentKind.MEDIATION_AGREEMENT) {
			return new Draft(issuer, doc.kind().title(), "编号：" + number, null, List.copyOf(w.body), issuer + "（印章）",
					DocumentText.date(doc.issuedOn()), null, doc.kind().numberLabel() + "：" + number, false);
		}
		String note = doc.kind().isSlip() ? null : w.text(CONTACT).map(c -> "（联系人及电话：" + c + "）").orElse(null);
		if (doc.documentNumber() == null) {
			throw new IllegalArgumentException(doc.kind().shortName() + "缺少发文字号");
		}
		return new Draft(issuer, doc.kind().title(), doc.documentNumber().toString(), addressee,
				List.copyOf(w.body), issuer, DocumentText.date(doc.issuedOn()), note, "信访编号：" + number,
				doc.kind().isSlip());
	}

	// ---------------------------------------------------------------- notices

	private void acceptance() {
		paragraph(subject() + "，本机关已收悉。经审查，该信访事项属于本机关职权范围。依据" + cite(Regulation.WRITTEN_NOTICE) + "的规定，本机关"
				+ date(ACCEPTED_ON).map(d -> "已于" + d + "决定").orElse("决定") + "予以受理。");
		paragraph("依据" + cite(Regulation.TIME_LIMIT) + "的规定，本机关将自受理之日起" + HANDLING_DAYS + "日内办结"
				+ date(DEADLINE).map(d -> "（即" + d + "前）").orElse("") + "，并向你出具书面处理意见；情况复杂的，经本机关负责人批准，可以适当延长办理期限，但延长期限不超过"
				+ MAX_EXTENSION_DAYS + "日，并将延期理由告知你。");
		paragraph("办理期间，你可以凭信访编号和查询码查询办理进展。");
		paragraph("特此告知。");
	}

	private void nonAcceptance() {
		String reason = clause(REASON, "不予受理的理由");
		Optional<String> authority = text(COMPETENT_AUTHORITY);
		Optional<String> channel = text(LEGAL_CHANNEL).map(Wording::channelLabel);
		String first = subject() + "，本机关已收悉。经审查，" + reason + "。";
		if (channel.isPresent()) {
			paragraph(first + "该事项依法应当通过" + channel.get() + "途径解决，依据" + cite(Regulation.STATUTORY_CHANNEL)
					+ "的规定，本机关不予受理。");
			paragraph("请你依照有关法律、法规的规定，" + channelAction(channel.get(), authority) + "，依法维护自身合法权益。");
		}
		else {
			paragraph(first + "依据" + cite(Regulation.WRITTEN_NOTICE) + "的规定，本机关不予受理。");
			authority.ifPresent(a -> paragraph("请你向" + a + "提出。"));
		}
		paragraph("特此告知。");
	}

	private void notAcceptedAgain() {
		paragraph(subject() + "，本机关已收悉。经查，你反映的问题已经" + text(PREVIOUS_AUTHORITY).orElse("有关机关") + "复核"
				+ date(PREVIOUS_OPINION_ON).map(d -> "，并于" + d + "出具了复核意见").orElse("") + "。你此次提出的信访请求与已经复核的信访事项系同一事实和理由"
				+ clause(REASON).map(r -> "，" + r).orElse("") + "。");
		paragraph("依据" + cite(Regulation.REVIEW) + "的规定，信访人对复核意见不服，仍然以同一事实和理由提出信访请求的，不再受理。本机关对你此次提出的信访请求不再受理。");
		paragraph("特此告知。");
	}

	private void extension() {
		String days = required(EXTENSION_DAYS, "延长天数");
		int n;
		try {
			n = Integer.parseInt(days.strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("延长天数应为1至" + MAX_EXTENSION_DAYS + "之间的整数：" + days);
		}
		if (n < 1 || n > MAX_EXTENSION_DAYS) {
			throw new IllegalArgumentException("依据" + cite(Regulation.TIME_LIMIT) + "的规定，延长期限不得超过" + MAX_EXTENSION_DAYS
					+ "日（本次为" + n + "日）");
		}
		String reason = clause(REASON, "延期理由");
		paragraph(subject() + date(ACCEPTED_ON).map(d -> "，本机关已于" + d + "依法受理。").orElse("，本机关已依法受理。"));
		paragraph("因" + reason + "，该信访事项不能在" + cite(Regulation.TIME_LIMIT) + "规定的" + HANDLING_DAYS
				+ "日内办结。经本机关负责人批准，依据该条规定，办理期限延长" + n + "日" + date(NEW_DEADLINE).map(d -> "，至" + d + "届满").orElse("")
				+ "。");
		paragraph("本机关将在延长的期限内办结，并向你出具书面处理意见。");
		paragraph("特此告知。");
	}

	// ---------------------------------------------------------------- opinions

	private void handlingOpinion() {
		String resultText = required(RESULT, "处理结果（支持、解释说明或不予支持）");
		Result result = Result.parse(resultText)
			.orElseThrow(() -> new IllegalArgumentException("处理结果应为支持、解释说明或不予支持：" + resultText));
		List<String> opinion = requiredParagraphs(OPINION, "处理意见");
		paragraph(subject() + date(ACCEPTED_ON).map(d -> "，本机关已于" + d + "依法受理").orElse("，本机关已依法受理") + "。本机关依据"
				+ cite(Regulation.STATUTORY_CHANNEL, Regulation.RESULT) + "的规定进行了调查核实，现将处理意见告知如下：");
		section("信访请求", paragraphs(REQUEST));
		section("调查核实情况", paragraphs(FACTS));
		List<String> decision = new ArrayList<>();
		decision.add("依据" + cite(Regulation.RESULT) + "的规定，" + result.sentence);
		decision.addAll(opinion);
		section("处理意见", decision);
		paragraph("如你对本处理意见不服，依据" + cite(Regulation.REEXAMINATION) + "的规定，可以自收到本意见书之日起" + APPEAL_DAYS + "日内，向"
				+ text(NEXT_AUTHORITY).orElse("本机关的上一级机关、单位") + "请求复查。");
		paragraph("特此告知。");
	}

	private void reexaminationOpinion() {
		List<String> opinion = requiredParagraphs(OPINION, "复查意见");
		paragraph("你不服" + text(PREVIOUS_AUTHORITY).orElse("原办理机关") + date(PREVIOUS_OPINION_ON).map(d -> "于" + d).orElse("")
				+ "作出的" + aboutTitle() + "信访处理意见，" + received().map(d -> "于" + d).orElse("") + "向本机关提出复查请求。本机关依据"
				+ cite(Regulation.REEXAMINATION) + "的规定进行了复查，现将复查意见告知如下：");
		section("复查请求", paragraphs(REQUEST));
		section("复查认定的事实", paragraphs(FACTS));
		section("复查意见", conclusion("复查结论", opinion));
		paragraph("如你对本复查意见不服，依据" + cite(Regulation.REVIEW) + "的规定，可以自收到本意见书之日起" + APPEAL_DAYS + "日内，向"
				+ text(NEXT_AUTHORITY).orElse("本机关的上一级机关、单位") + "请求复核。");
		paragraph("特此告知。");
	}

	private void reviewOpinion() {
		List<String> opinion = requiredParagraphs(OPINION, "复核意见");
		paragraph("你不服" + text(PREVIOUS_AUTHORITY).orElse("复查机关") + date(PREVIOUS_OPINION_ON).map(d -> "于" + d).orElse("")
				+ "作出的" + aboutTitle() + "复查意见，" + received().map(d -> "于" + d).orElse("") + "向本机关提出复核请求。本机关依据"
				+ cite(Regulation.REVIEW) + "的规定进行了复核，现将复核意见告知如下：");
		section("复核请求", paragraphs(REQUEST));
		section("复核认定的事实", paragraphs(FACTS));
		section("复核意见", conclusion("复核结论", opinion));
		paragraph("本复核意见为该信访事项的终结意见。依据" + cite(Regulation.REVIEW)
				+ "的规定，你对本复核意见不服，仍然以同一事实和理由提出信访请求的，有关机关、单位不再受理。");
		paragraph("特此告知。");
	}

	private List<String> conclusion(String label, List<String> opinion) {
		List<String> out = new ArrayList<>();
		text(RESULT).map(r -> Result.parse(r).map(x -> x.label).orElse(DocumentText.clause(r)))
			.ifPresent(r -> out.add(label + "：" + r + "。"));
		out.addAll(opinion);
		return out;
	}

	// ---------------------------------------------------------------- mediation

	/**
	 * 人民调解协议书 with the contents of 《人民调解法》 Art 29: the parties' basic facts; the main facts,
	 * the dispute and each party's responsibility; the terms, how and when they are performed; the
	 * signature of each party, of the mediator and the committee's seal (blocks to sign).
	 */
	private void mediationAgreement() {
		List<String> parties = requiredParagraphs(DocumentFields.PARTIES, "当事人的基本情况");
		List<String> facts = requiredParagraphs(FACTS, "纠纷的主要事实、争议事项");
		List<String> responsibilities = requiredParagraphs(DocumentFields.RESPONSIBILITIES, "各方当事人的责任");
		List<String> terms = requiredParagraphs(DocumentFields.TERMS, "调解协议的内容");
		List<String> performance = requiredParagraphs(DocumentFields.PERFORMANCE, "履行的方式、期限");
		String mediator = required(DocumentFields.MEDIATOR_NAME, "人民调解员");
		section("当事人的基本情况", parties);
		section("纠纷的主要事实、争议事项", facts);
		section("各方当事人的责任", responsibilities);
		section("经调解，各方当事人自愿达成如下协议", terms);
		section("履行协议的方式、期限", performance);
		paragraph("本协议书自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效（《中华人民共和国人民调解法》第二十九条）。"
				+ "经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行（第三十一条）。");
		paragraph("双方当事人认为有必要的，可以自本协议生效之日起三十日内共同向人民法院申请司法确认（第三十三条）。");
		paragraph("本协议书一式" + (parties.size() + 1) + "份，当事人各执一份，人民调解委员会留存一份。");
		List<Row> signatures = new ArrayList<>();
		for (String party : parties) {
			String name = party.split("[，,：:\\s（(]", 2)[0];
			signatures.add(new Row("当事人", name + "（签名、盖章或按指印）"));
		}
		signatures.add(new Row("人民调解员", mediator + "（签名）"));
		body.add(new Table(List.copyOf(signatures)));
	}

	// ---------------------------------------------------------------- slips

	private void transfer() {
		requireAddressee();
		paragraph("现将" + reportedBy() + "信访事项转送你单位，请依法处理。");
		Optional<String> deadline = date(DEADLINE);
		body.add(new Table(rows("转送意见", multiline(INSTRUCTIONS).orElse("请依法处理。"),
				deadline.map(d -> d + "前将受理情况报送本机关"),
				"依据" + cite(Regulation.TRANSFER, Regulation.WRITTEN_NOTICE) + "的规定，请自收到之日起15日内书面告知信访人接收情况以及处理途径和程序"
						+ (deadline.isPresent() ? "" : "，并将告知情况报送本机关") + "；" + OBJECTION)));
	}

	private void assignment() {
		requireAddressee();
		String deadline = DocumentText.dateOrText(required(DEADLINE, "报送办理结果的期限"));
		paragraph("现将" + reportedBy() + "信访事项交由你单位办理，请于" + deadline + "前将办理结果反馈本机关，并提交办结报告。");
		body.add(new Table(rows("交办意见", multiline(INSTRUCTIONS).orElse("请认真调查处理，按期反馈办理结果。"),
				Optional.of(deadline + "前报送办理结果和办结报告"),
				"依据" + cite(Regulation.TRANSFER, Regulation.WRITTEN_NOTICE) + "的规定，请认真调查处理，按期反馈办理结果并提交办结报告；"
						+ OBJECTION)));
	}

	/** Art 40: 督办 of a unit's handling, with a written reply by a deadline. */
	private void supervisionOrder() {
		requireAddressee();
		String deadline = DocumentText.dateOrText(required(DEADLINE, "书面回复的期限"));
		String reason = required(REASON, "督办事由").strip().replaceAll("[。；;，,]+$", "");
		paragraph("你单位承办的" + reportedBy() + "信访事项，" + reason + "。现予督办，请于" + deadline + "前将办理情况书面回复本机关。");
		body.add(new Table(rows("督办要求", multiline(INSTRUCTIONS).orElse("请高度重视，认真核查办理，依法解决群众合理诉求。"),
				Optional.of(deadline + "前书面回复办理情况"),
				"依据" + cite(Regulation.SUPERVISION) + "的规定，请按期书面报告办理情况和结果；推诿、敷衍、拖延、弄虚作假造成严重后果的，将向有管理权限的机关、单位提出追究责任的建议。")));
	}

	/** Art 23: a unit that believes the matter is not its own objects within 5 working days. */
	private static final String OBJECTION = "如认为不属于你单位职权范围，请自收到之日起5个工作日内提出异议，详细说明理由，经本机关核实同意后交还相关材料。";

	/** The slip's table (the 信访编号 is in the number line and footer): the matter, the sender's instructions and deadline, the 双沟通 record, the contact. */
	private List<Row> rows(String instructionsLabel, String instructions, Optional<String> deadline,
			String requirements) {
		List<Row> rows = new ArrayList<>();
		text(PETITIONER_NAME).ifPresent(p -> rows.add(new Row("信访人", p)));
		received().ifPresent(d -> rows.add(new Row("收到日期", d)));
		title().ifPresent(t -> rows.add(new Row("信访事项", t)));
		multiline(SUMMARY).ifPresent(s -> rows.add(new Row("主要内容", s)));
		rows.add(new Row(instructionsLabel, instructions));
		deadline.ifPresent(d -> rows.add(new Row("报送期限", d)));
		rows.add(new Row("办理要求", requirements));
		List<String> talk = new ArrayList<>();
		text(COMMUNICATION_WITH).ifPresent(v -> talk.add("沟通对象：" + v));
		text(COMMUNICATION_TIME).map(DocumentText::dateTimeOrText).ifPresent(v -> talk.add("沟通时间：" + v));
		multiline(COMMUNICATION_SUMMARY).ifPresent(v -> talk.add("沟通情况：" + v));
		if (!talk.isEmpty()) {
			rows.add(new Row("双沟通记录", String.join("\n", talk)));
		}
		text(CONTACT).ifPresent(c -> rows.add(new Row("联系人及电话", c)));
		return List.copyOf(rows);
	}

	private String reportedBy() {
		return text(PETITIONER_NAME).map(p -> p + "反映的").orElse("") + title().map(t -> "“" + t + "”").orElse("");
	}

	private void requireAddressee() {
		if (addressee().isEmpty()) {
			throw new IllegalArgumentException(doc.kind().shortName() + "缺少接收单位（addresseeName）");
		}
	}

	// ---------------------------------------------------------------- pieces

	/** 你于2026年3月2日提出的“…”信访事项 */
	private String subject() {
		return "你" + received().map(d -> "于" + d).orElse("") + "提出的" + title().map(t -> "“" + t + "”").orElse("") + "信访事项";
	}

	/** 关于“…”的 */
	private String aboutTitle() {
		return title().map(t -> "关于“" + t + "”的").orElse("");
	}

	private Optional<String> title() {
		return Optional.ofNullable(doc.title())
			.map(DocumentText::line)
			.map(t -> t.replaceAll("^[“\"「『]+|[”\"」』]+$", ""))
			.filter(t -> !t.isEmpty());
	}

	private Optional<String> addressee() {
		return Optional.ofNullable(doc.addresseeName()).map(DocumentText::line).filter(a -> !a.isEmpty());
	}

	private Optional<String> received() {
		return Optional.ofNullable(doc.receivedOn()).map(DocumentText::date);
	}

	private Optional<String> text(String key) {
		return doc.field(key).map(DocumentText::line).filter(v -> !v.isEmpty());
	}

	private Optional<String> clause(String key) {
		return doc.field(key).map(DocumentText::clause).filter(v -> !v.isEmpty());
	}

	private Optional<String> date(String key) {
		return text(key).map(DocumentText::dateOrText);
	}

	private Optional<String> multiline(String key) {
		List<String> p = paragraphs(key);
		return p.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", p));
	}

	private List<String> paragraphs(String key) {
		return doc.field(key).map(DocumentText::paragraphs).orElse(List.of());
	}

	private String required(String key, String name) {
		return text(key).orElseThrow(() -> missing(key, name));
	}

	private String clause(String key, String name) {
		return clause(key).orElseThrow(() -> missing(key, name));
	}

	private List<String> requiredParagraphs(String key, String name) {
		List<String> p = paragraphs(key);
		if (p.isEmpty()) {
			throw missing(key, name);
		}
		return p;
	}

	private IllegalArgumentException missing(String key, String name) {
		return new IllegalArgumentException(doc.kind().shortName() + "缺少" + name + "（" + key + "）");
	}

	private void paragraph(String text) {
		body.add(new Paragraph(text));
	}

	/** A numbered section (一、二、…) with its paragraphs; left out when it has none. */
	private void section(String heading, List<String> paragraphs) {
		if (paragraphs.isEmpty()) {
			return;
		}
		body.add(new Heading(SECTION_NUMBERS.charAt(sections++) + "、" + heading));
		paragraphs.forEach(this::paragraph);
	}

	// ---------------------------------------------------------------- statutory channels

	/** 诉讼 / 仲裁 / 行政复议 from either the Chinese name or the petition module's enum name. */
	static String channelLabel(String value) {
		return switch (value.strip().toUpperCase(Locale.ROOT)) {
			case "LITIGATION" -> "诉讼";
			case "ARBITRATION" -> "仲裁";
			case "RECONSIDERATION", "ADMINISTRATIVE_RECONSIDERATION" -> "行政复议";
			case "OTHER" -> "其他法定";
			default -> value.strip().replaceAll("途径$", "");
		};
	}

	private static String channelAction(String channel, Optional<String> authority) {
		if (channel.contains("诉讼")) {
			return "向" + authority.orElse("有管辖权的人民法院") + "提起诉讼";
		}
		if (channel.contains("仲裁")) {
			return "向" + authority.orElse("有管辖权的仲裁机构") + "申请仲裁";
		}
		if (channel.contains("复议")) {
			return "向" + authority.orElse("有权受理的行政复议机关") + "申请行政复议";
		}
		return "通过" + channel + "途径" + authority.map(a -> "向" + a + "提出").orElse("解决");
	}

}
