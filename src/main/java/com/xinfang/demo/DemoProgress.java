package com.xinfang.demo;

import com.xinfang.identity.Actor;
import com.xinfang.identity.DataScope;
import com.xinfang.identity.Role;
import com.xinfang.organization.Directory;
import com.xinfang.petition.Complexity;
import com.xinfang.petition.Kind;
import com.xinfang.petition.LegalChannel;
import com.xinfang.petition.PetitionCommand;
import com.xinfang.petition.Result;
import com.xinfang.petition.Satisfaction;
import com.xinfang.platform.Texts;
import com.xinfang.petition.PetitionActions;
import com.xinfang.petition.PetitionViews;
import com.xinfang.platform.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Random;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Moves demo matters along the real lifecycle (the same acts and rules as the console), dated
 * after their receipt, so every queue, clock and page has something to show. Departments without
 * a demo account act through a stand-in officer of that department.
 */
@Component
class DemoProgress {

	private final PetitionActions actions;

	private final Directory directory;

	private final Clock clock;

	DemoProgress(PetitionActions actions, Directory directory, Clock clock) {
		this.actions = actions;
		this.directory = directory;
		this.clock = clock;
	}

	void advance(PetitionViews.PetitionView p, JsonNode item, Actor registrar, Actor reviewer, Random random,
			OffsetDateTime received) {
		var run = new Run(p.number(), p.version(), received.toInstant(), clock.instant());
		String category = item.path("category").asString();
		String kind = item.path("kind").asString();
		String legal = item.path("legalChannel").isNull() ? null : item.path("legalChannel").asString(null);
		// Older matters have gone further: progress grows with age, as in a working bureau.
		double ageDays = Duration.between(received.toInstant(), clock.instant()).toDays();
		double roll = Math.min(0.999, random.nextDouble() * 0.55 + Math.min(1.0, ageDays / 120.0) * 0.5);
		if (roll < 0.12) {
			return; // still waiting for classification
		}
		Complexity complexity = random.nextBoolean() ? Complexity.SIMPLE : Complexity.COMPLEX;
		if (!run.act(registrar, 20, at -> new PetitionCommand.Classify(category, Texts.optionalEnum(Kind.class, kind, "kind"),
				complexity, null))) {
			return;
		}
		if (legal != null) {
			run.act(registrar, 30, at -> new PetitionCommand.Divert(Texts.optionalEnum(LegalChannel.class, legal, "legalChannel"),
					"属于依法应当通过法定途径解决的事项"));
			return;
		}
		if (roll < 0.16) {
			run.act(registrar, 30, at -> new PetitionCommand.Reject("该事项不属于信访事项受理范围", null));
			return;
		}
		String unit = "ACCUSATION".equals(kind) && "DISCIPLINE".equals(category) ? "CD-JWJW"
				: directory.category(category).map(c -> c.defaultUnitCode()).orElse("CD-ZFB");
		if (!run.act(registrar, 24, at -> new PetitionCommand.Transfer(unit, new PetitionCommand.Communication(
				directory.unitName(unit) + "信访联络员", at.minus(Duration.ofHours(2)).atZone(ZoneId.of("Asia/Shanghai")).toOffsetDateTime(),
				"电话沟通，对方同意接收并按期办理")))) {
			return;
		}
		Actor officer = standIn(unit);
		if (roll < 0.28 || !run.act(officer, 48 + random.nextInt(72), at -> new PetitionCommand.Accept())) {
			return; // transferred, waiting for acceptance
		}
		if (random.nextDouble() < 0.4) {
			String recordKind = random.nextBoolean() ? "INVESTIGATION" : "MEDIATION";
			run.act(officer, 72, at -> new PetitionCommand.RecordHandling(recordKind, "约谈双方当事人，调取相关材料核实情况", null, null,
					null, 0));
		}
		if (roll < 0.48) {
			return; // in handling; older ones run into their clocks
		}
		int replyHours = 24 * (8 + random.nextInt(18));
		Result result = random.nextDouble() < 0.55 ? Result.SUPPORT : random.nextBoolean() ? Result.EXPLAIN : Result.NOT_SUPPORT;
		if (!run.act(officer, replyHours, at -> new PetitionCommand.Reply(result,
				"经调查核实，现将处理意见答复如下：相关单位已按政策规定作出处理，请予理解支持。"))) {
			return;
		}
		if (roll < 0.55 || !run.act(officer, 20, at -> new PetitionCommand.Approve("同意"))) {
			return;
		}
		if (roll < 0.62 || !run.act(officer, 40, at -> new PetitionCommand.Deliver("直接送达", null))) {
			return;
		}
		Satisfaction satisfaction = random.nextDouble() < 0.8 ? Satisfaction.SATISFIED
				: random.nextBoolean() ? Satisfaction.BASIC : Satisfaction.UNSATISFIED;
		if (roll < 0.68 || !run.act(officer, 72, at -> new PetitionCommand.VisitBack(satisfaction, "电话回访"))) {
			return;
		}
		if (satisfaction == Satisfaction.UNSATISFIED) {
			run.act(officer, 48, at -> new PetitionCommand.Recheck(false, "复核查原处理意见，事实清楚，维持"));
		}
		if (roll < 0.74) {
			return;
		}
		run.act(reviewer, 24, at -> new PetitionCommand.Approve("审核认定办结"));
	}

	private Actor standIn(String unitCode) {
		if ("CD-HRSS".equals(unitCode)) {
			return new Actor(0, "hr.officer", "刘承办", Actor.Kind.STAFF, unitCode, "430700",
					EnumSet.of(Role.CASE_OFFICER, Role.UNIT_HEAD), DataScope.unit(unitCode));
		}
		var unit = directory.unit(unitCode).orElseThrow();
		return new Actor(0, "demo@" + unitCode, unit.name() + "承办人", Actor.Kind.STAFF, unitCode, unit.regionCode(),
				EnumSet.of(Role.CASE_OFFICER, Role.UNIT_HEAD), DataScope.unit(unitCode));
	}

	/** One matter's acts, each some hours after the previous one, none in the future. */
	private final class Run {

		private final String number;

		private int version;

		private Instant at;

		private final Instant now;

		Run(String number, int version, Instant received, Instant now) {
			this.number = number;
			this.version = version;
			this.at = received;
			this.now = now;
		}

		/** The act {@code hoursLater} after the previous one, given the time it happens; false when refused or not yet due. */
		boolean act(Actor actor, int hoursLater, Function<Instant, PetitionCommand> command) {
			Instant next = at.plus(Duration.ofHours(hoursLater));
			if (next.isAfter(now)) {
				return false;
			}
			try {
				var view = actions.performAt(number, version, command.apply(next), actor, next);
				version = view.version();
				at = next;
				return true;
			}
			catch (DomainException ex) {
				return false;
			}
		}

	}

}
