package com.xinfang.analytics;

import com.xinfang.mediation.MediationFigures;
import com.xinfang.petition.Channel;
import com.xinfang.platform.BeijingTime;
import com.xinfang.prevention.VillageRatings;
import com.xinfang.publicity.ActivityKind;
import com.xinfang.publicity.PublicityFigures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The year's figures for the 法治政府建设 annual report, in the order of the seed report's
 * "工作开展情况" (规范受理办理, 依法分类, 群众评价, 积案化解), with tables by county and by category:
 * a Word document the bureau edits into its report rather than assembling the figures by hand.
 */
@Service
public class AnnualReport {

	private static final String FONT = "仿宋";

	private static final String HEADING_FONT = "黑体";

	private final Indicators indicators;

	private final JdbcClient jdbc;

	private final PublicityFigures publicity;

	private final MediationFigures mediation;

	private final VillageRatings villages;

	AnnualReport(Indicators indicators, JdbcClient jdbc, PublicityFigures publicity, MediationFigures mediation,
			VillageRatings villages) {
		this.mediation = mediation;
		this.villages = villages;
		this.indicators = indicators;
		this.jdbc = jdbc;
		this.publicity = publicity;
	}

	@Transactional(readOnly = true)
	public byte[] render(StatsQuery q, int year) {
		Figures f = indicators.figures(q);
		Figures last = indicators.figures(q.withPeriod(LocalDate.of(year - 1, 1, 1), LocalDate.of(year - 1, 12, 31)));
		long persons = jdbc.sql("SELECT coalesce(sum(person_count), 0) FROM petition_fact WHERE received_at >= :from AND received_at < :until "
				+ "AND region_code LIKE :prefix" + (q.unitCode() != null ? " AND responsible_unit_code = :unit" : ""))
			.param("from", q.from().atStartOfDay(BeijingTime.ZONE).toOffsetDateTime())
			.param("until", q.to().plusDays(1).atStartOfDay(BeijingTime.ZONE).toOffsetDateTime())
			.param("prefix", q.regionPrefix() + "%")
			.params(q.unitCode() != null ? Map.of("unit", q.unitCode()) : Map.of())
			.query(Long.class)
			.single();
		List<Indicators.Row> counties = indicators.breakdown(q, Indicators.Dimension.REGION);
		List<Indicators.Row> categories = indicators.breakdown(q, Indicators.Dimension.CATEGORY);
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			title(doc, "常德市信访局" + year + "年度法治政府建设工作报告");
			note(doc, "（信访工作数据部分：由智慧信访系统根据信访事项自动生成，统计期间" + q.from() + "至" + q.to()
					+ "；指标口径见系统“统计分析—指标定义”。请在此基础上编辑成文。）");
			heading(doc, "一、工作开展情况");
			heading2(doc, "（一）信访总体情况");
			para(doc, year + "年，全市信访系统共收到群众信访事项" + f.received() + "件、" + persons + "人次，"
					+ change(f.received(), last.received()) + "。其中网上信访" + f.byChannel().get("ONLINE") + "件，占"
					+ pct(Figures.rate(f.byChannel().get("ONLINE"), f.received())) + "；来访" + f.byChannel().get("VISIT")
					+ "件；来信" + f.byChannel().get("LETTER") + "件；来电" + f.byChannel().get("PHONE") + "件；12345转办"
					+ f.byChannel().get("HOTLINE_12345") + "件。越级访" + f.beyondLevel() + "件，进京访" + f.toBeijing() + "件。");
			heading2(doc, "（二）规范受理办理");
			// the rates are printed with their numerators and denominators, so each sentence adds up on paper
			para(doc, "全年受理信访事项" + f.accepted() + "件，出具处理意见" + f.replied() + "件，办结" + f.closed()
					+ "件，平均办理用时" + num(f.averageHandlingDays()) + "天；一次性化解率" + pct(f.oneTimeResolutionRate()) + "。");
			para(doc, "法定受理期限在本期届满的信访事项" + f.acceptDue() + "件，其中按期作出受理、不予受理或导入法定途径决定的"
					+ (f.acceptDue() - f.notAccepted()) + "件，及时受理率" + pct(f.acceptedOnTimeRate()) + "（上年"
					+ pct(last.acceptedOnTimeRate()) + "）；应受理而不受理" + f.notAccepted() + "件，占比"
					+ pct(f.shouldAcceptNotAcceptedRate()) + "（上年" + pct(last.shouldAcceptNotAcceptedRate()) + "）。");
			para(doc, "法定办理期限在本期届满的已受理事项" + f.handleDue() + "件，其中按期办结" + (f.handleDue() - f.notHandled())
					+ "件，按期办结率" + pct(f.closedOnTimeRate()) + "（上年" + pct(last.closedOnTimeRate()) + "）；按期出具经审核的处理意见"
					+ f.repliedInTime() + "件，按期答复率" + pct(f.repliedOnTimeRate()) + "；应办理而不办理" + f.notHandled()
					+ "件（含超过期限仍未办结的），占比" + pct(f.shouldHandleNotHandledRate()) + "（上年"
					+ pct(last.shouldHandleNotHandledRate()) + "）。");
			heading2(doc, "（三）群众评价");
			para(doc, "送达处理意见" + f.delivered() + "件，群众参评" + f.rated() + "件，参评率" + pct(f.ratingRate()) + "，群众满意率"
					+ pct(f.satisfactionRate()) + "（上年" + pct(last.satisfactionRate()) + "）。");
			heading2(doc, "（四）重复信访和积案化解");
			para(doc, "重复信访" + f.repeats() + "件，重复信访率" + pct(f.repeatRate()) + "（上年" + pct(last.repeatRate())
					+ "）。全年化解积案" + f.backlogResolved() + "件，积案化解率" + pct(f.backlogResolutionRate()) + "；截至报告生成时仍有积案"
					+ f.backlog() + "件、超期未办结事项" + f.overdueOpen() + "件。");
			publicity(doc, publicity.year(year, q.regionPrefix()));
			// （六）矛盾纠纷多元化解: the mediation module's figures (definitions in MediationFigures and docs/indicators.md)
			var m = mediation.of(q.regionPrefix(), q.from(), q.to());
			var mLast = mediation.of(q.regionPrefix(), LocalDate.of(year - 1, 1, 1), LocalDate.of(year - 1, 12, 31));
			heading2(doc, "（六）矛盾纠纷多元化解");
			para(doc, "全年排查化解矛盾纠纷" + m.screened() + "件次（上年" + mLast.screened() + "件次）；调解终结" + (m.agreed() + m.failed())
					+ "件，其中达成调解协议" + m.agreed() + "件、未达成协议" + m.failed() + "件，调解成功率" + pct(m.successRate()) + "（上年"
					+ pct(mLast.successRate()) + "）。");
			// 无上访村(社区): the prevention module's rating, the same computation as its county page (docs/indicators.md)
			var v = villages.summary(q.regionPrefix(), year);
			para(doc, "“无上访村（社区）”创建：辖区共有村（社区）" + v.villages() + "个，按数据评定" + year + "年度各项指标全部达标" + v.eligible()
					+ "个，占" + pct(Figures.rate(v.eligible(), v.villages())) + "；有一票否决项未达标" + v.vetoed() + "个，其他指标未达标" + v.missed()
					+ "个。本年度村（社区）自评" + v.selfAssessed() + "个，经乡镇审核、县级批准新授予称号" + v.granted() + "个，年度复核保留称号" + v.kept()
					+ "个、撤销称号" + v.withdrawn() + "个；截至" + v.asOf() + "持有“无上访村（社区）”称号" + v.holding() + "个。");
			heading2(doc, "附表1  分县市区信访工作情况");
			table(doc, List.of("县市区", "收到", "受理", "及时受理率", "按期办结率", "满意率", "重复信访率", "越级访", "进京访", "积案"),
					counties.stream()
						.map(r -> List.of(r.name(), "" + r.figures().received(), "" + r.figures().accepted(),
								pct(r.figures().acceptedOnTimeRate()), pct(r.figures().closedOnTimeRate()),
								pct(r.figures().satisfactionRate()), pct(r.figures().repeatRate()), "" + r.figures().beyondLevel(),
								"" + r.figures().toBeijing(), "" + r.figures().backlog()))
						.toList());
			heading2(doc, "附表2  分类别信访事项情况");
			table(doc, List.of("内容分类", "收到", "占比", "按期办结率", "满意率", "重复信访率"), categories.stream()
				.map(r -> List.of(r.name(), "" + r.figures().received(), pct(Figures.rate(r.figures().received(), f.received())),
						pct(r.figures().closedOnTimeRate()), pct(r.figures().satisfactionRate()), pct(r.figures().repeatRate())))
				.toList());
			heading2(doc, "附表3  分渠道信访事项情况");
			table(doc, List.of("渠道", "收到", "占比"), Arrays.stream(Channel.values())
				.map(c -> List.of(c.label(), "" + f.byChannel().get(c.name()), pct(Figures.rate(f.byChannel().get(c.name()), f.received()))))
				.toList());
			if (q.regionPrefix().length() < 6) {
				heading2(doc, "附表4  分县市区矛盾纠纷调解情况");
				table(doc, List.of("县市区", "排查化解（件次）", "达成协议", "未达成协议", "调解成功率"),
						mediation.breakdownFor(q.regionPrefix(), q.from(), q.to(), MediationFigures.By.COUNTY)
							.stream()
							.map(l -> List.of(l.name(), "" + l.figures().screened(), "" + l.figures().agreed(), "" + l.figures().failed(),
									pct(l.figures().successRate())))
							.toList());
				// the 无上访村 paragraph by county: each line is VillageRatings.summary of the county, the 合计 the paragraph's own figures
				heading2(doc, "附表5  分县市区“无上访村（社区）”创建情况（" + year + "年度）");
				List<List<String>> lines = new java.util.ArrayList<>();
				for (var c : villages.summaryByCounty(q.regionPrefix(), year)) {
					lines.add(villageLine(c.name(), c.summary()));
				}
				lines.add(villageLine("合计", v));
				table(doc, List.of("县市区", "村（社区）", "全部达标", "达标占比", "一票否决", "其他未达标", "自评", "新授予", "复核保留", "撤销",
						"持有称号"), lines);
			}
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> villageLine(String name, VillageRatings.Summary s) {
		return List.of(name, "" + s.villages(), "" + s.eligible(), pct(Figures.rate(s.eligible(), s.villages())), "" + s.vetoed(), "" + s.missed(),
				"" + s.selfAssessed(), "" + s.granted(), "" + s.kept(), "" + s.withdrawn(), "" + s.holding());
	}

	/** （五）法治宣传, from the publicity module's records (definitions in com.xinfang.publicity.PublicityFigures). */
	private static void publicity(XWPFDocument doc, PublicityFigures.Year p) {
		heading2(doc, "（五）法治宣传");
		long onsite = p.activitiesOf(ActivityKind.ONSITE) + p.activitiesOf(ActivityKind.MONTH)
				+ p.activitiesOf(ActivityKind.CONSTITUTION_DAY) + p.activitiesOf(ActivityKind.SECURITY_DAY);
		para(doc, "全年发放宣传资料" + p.materials() + "份，开展现场集中宣传" + onsite + "场次（含宣传月、12·4国家宪法日、4·15全民国家安全教育日活动），"
				+ "现场答疑" + p.answered() + "人次，LED屏播放" + p.activitiesOf(ActivityKind.LED) + "次；开展干部职工培训"
				+ p.activitiesOf(ActivityKind.TRAINING) + "场次。“信访工作法治化线上答题·等你来挑战”活动访问"
				+ p.quizPageViews() + "人次（页面打开次数），完成答题" + p.quizRounds() + "轮。普法考试：全局在册干部职工" + p.staff() + "人，通过"
				+ p.staffPassed() + "人，通过率" + pct(p.staffPassRate()) + "。普法重点任务清单和责任清单共" + p.tasks() + "项，已完成" + p.tasksDone()
				+ "项（按期" + p.tasksOnTime() + "项）。");
	}

	static String pct(Double rate) {
		return rate == null ? "—" : String.format("%.1f%%", rate * 100);
	}

	private static String num(Double d) {
		return d == null ? "—" : String.format("%.1f", d);
	}

	static String change(long now, long before) {
		if (before == 0) {
			return "上年无可比数据";
		}
		double r = (now - before) * 100.0 / before;
		return String.format(r >= 0 ? "同比上升%.1f%%" : "同比下降%.1f%%", Math.abs(r));
	}

	private static XWPFRun run(XWPFParagraph p, String text, String font, int size, boolean bold) {
		XWPFRun r = p.createRun();
		r.setText(text);
		r.setFontFamily(font);
		r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
		r.setFontSize(size);
		r.setBold(bold);
		return r;
	}

	private static void title(XWPFDocument doc, String text) {
		XWPFParagraph p = doc.createParagraph();
		p.setAlignment(ParagraphAlignment.CENTER);
		run(p, text, "宋体", 20, true);
	}

	private static void note(XWPFDocument doc, String text) {
		run(doc.createParagraph(), text, FONT, 12, false);
	}

	private static void heading(XWPFDocument doc, String text) {
		run(doc.createParagraph(), text, HEADING_FONT, 16, false);
	}

	private static void heading2(XWPFDocument doc, String text) {
		run(doc.createParagraph(), text, "楷体", 16, true);
	}

	private static void para(XWPFDocument doc, String text) {
		XWPFParagraph p = doc.createParagraph();
		p.setIndentationFirstLine(640);
		run(p, text, FONT, 16, false);
	}

	private static void table(XWPFDocument doc, List<String> header, List<List<String>> rows) {
		XWPFTable t = doc.createTable(rows.size() + 1, header.size());
		t.setWidth("100%");
		fill(t.getRow(0), header, true);
		for (int i = 0; i < rows.size(); i++) {
			fill(t.getRow(i + 1), rows.get(i), false);
		}
	}

	private static void fill(XWPFTableRow row, List<String> cells, boolean bold) {
		for (int i = 0; i < cells.size(); i++) {
			var cell = row.getCell(i);
			XWPFParagraph p = cell.getParagraphs().get(0);
			run(p, cells.get(i), FONT, 10, bold);
		}
	}

}
