package com.xinfang.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The keys the calendar pages build at run time (from enum names) and the flash keys its
 * controllers use, which MessagesTest cannot see in the templates.
 */
class CalendarMessagesTest {

	@Test
	void everyLabelTheCalendarPagesComposeExists() throws IOException {
		Properties messages = new Properties();
		try (var in = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources/messages_zh_CN.properties")),
				StandardCharsets.UTF_8)) {
			messages.load(in);
		}
		List<String> keys = new ArrayList<>();
		for (TimeLimit l : TimeLimit.values()) {
			keys.add("timeLimit." + l);
			keys.add("timeLimit.start." + l);
		}
		for (DayKind k : DayKind.values()) {
			keys.add("calendar.kind." + k);
		}
		for (DayUnit u : DayUnit.values()) {
			keys.add("dayUnit." + u);
			keys.add("dayUnit.suffix." + u);
		}
		for (TimeLimitComplexity c : TimeLimitComplexity.values()) {
			keys.add("complexity." + c);
		}
		keys.add("complexity.ANY");
		for (Tone t : Tone.values()) {
			keys.add("tone." + t);
		}
		Pattern literal = Pattern.compile("\"((?:calendar|timeLimits)\\.[a-zA-Z.]+)\"");
		try (Stream<Path> files = Files.walk(Path.of("src/main/java/com/xinfang/calendar"))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Matcher m = literal.matcher(Files.readString(file));
				while (m.find()) {
					keys.add(m.group(1));
				}
			}
		}
		assertThat(keys).contains("calendar.flash.added", "timeLimits.flash.changed");
		assertThat(keys).allSatisfy(key -> assertThat(messages).as("message key %s", key).containsKey(key));
	}

}
