package com.xinfang.publicity;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rules of the public challenge.
 * @param single single-choice questions per round (likewise multi, judge, fill)
 * @param timeLimit time allowed for a round, counted on the server from the draw
 * @param grace network allowance after the limit for answers already sent
 * @param dailyCap rounds per person (verified phone, else browser) per Beijing day
 * @param roundsPerAddressPerHour rounds drawn from one client address in an hour
 * @param codesPerAddressPerHour SMS codes asked for from one client address in an hour
 * @param passScore score from which a certificate is issued
 * @param minSecondsPerQuestion a round answered mostly right faster than this per question is flagged
 */
@ConfigurationProperties("xinfang.publicity.quiz")
public record QuizProperties(@DefaultValue("4") int single, @DefaultValue("2") int multi, @DefaultValue("3") int judge,
		@DefaultValue("1") int fill, @DefaultValue("PT5M") Duration timeLimit, @DefaultValue("PT3S") Duration grace,
		@DefaultValue("5") int dailyCap, @DefaultValue("60") int roundsPerAddressPerHour,
		@DefaultValue("10") int codesPerAddressPerHour, @DefaultValue("80") int passScore,
		@DefaultValue("2") int minSecondsPerQuestion) {

	public DrawSpec spec() {
		return new DrawSpec(Map.of(QuestionType.SINGLE, single, QuestionType.MULTI, multi, QuestionType.JUDGE, judge,
				QuestionType.FILL, fill), Set.of(1, 2, 3));
	}

}
