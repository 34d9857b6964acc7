package com.xinfang.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class IdNumberTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

	@Test
	void acceptsAKnownValidNumber() {
		// GB 11643-1999 worked example: 11010519491231002X
		assertThat(IdNumber.problem("11010519491231002X", TODAY)).isEmpty();
		assertThat(IdNumber.problem("11010519491231002x", TODAY)).as("lower-case x").isEmpty();
	}

	@Test
	void rejectsAWrongCheckCharacterInChinese() {
		assertThat(IdNumber.problem("110105194912310021", TODAY)).contains("身份证号码校验位不正确，请核对");
	}

	@Test
	void rejectsWrongLengthAndImpossibleBirthDates() {
		assertThat(IdNumber.problem("43070219850315", TODAY)).isPresent();
		assertThat(IdNumber.problem(IdNumber.withCheckCharacter("43070219850231123"), TODAY))
			.contains("身份证号码中的出生日期无效");
		assertThat(IdNumber.problem(IdNumber.withCheckCharacter("43070220300101123"), TODAY))
			.contains("身份证号码中的出生日期无效");
	}

	@Property
	void everyNumberWithItsComputedCheckIsValidAndAnyOtherCheckIsNot(@ForAll("first17") String first17,
			@ForAll("checkChars") char other) {
		String valid = IdNumber.withCheckCharacter(first17);
		assertThat(IdNumber.problem(valid, TODAY)).isEmpty();
		if (other != valid.charAt(17)) {
			assertThat(IdNumber.problem(first17 + other, TODAY)).isPresent();
		}
	}

	@Provide
	Arbitrary<String> first17() {
		Arbitrary<String> region = Arbitraries.of("430702", "430703", "430721", "110105", "440305");
		Arbitrary<LocalDate> birth = Arbitraries.integers().between(0, 36500).map(d -> LocalDate.of(1925, 1, 1).plusDays(d));
		Arbitrary<String> seq = Arbitraries.integers().between(0, 999).map(i -> String.format("%03d", i));
		return Combinators.combine(region, birth, seq)
			.as((r, b, s) -> r + String.format("%04d%02d%02d", b.getYear(), b.getMonthValue(), b.getDayOfMonth()) + s);
	}

	@Provide
	Arbitrary<Character> checkChars() {
		return Arbitraries.of('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X');
	}

}
