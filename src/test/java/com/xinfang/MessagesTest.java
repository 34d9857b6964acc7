package com.xinfang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message key a page or controller uses exists in the Chinese bundle. */
class MessagesTest {

	@Test
	void everyKeyUsedInTemplatesAndCodeIsDefined() throws IOException {
		Properties messages = new Properties();
		try (var in = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources/messages_zh_CN.properties")),
				StandardCharsets.UTF_8)) {
			messages.load(in);
		}
		Set<String> used = new TreeSet<>();
		collect(Path.of("src/main/resources/templates"), Pattern.compile("#\\{([a-zA-Z0-9_.]+)"), used);
		collect(Path.of("src/main/java"), Pattern.compile("\"(console\\.queue\\.[a-zA-Z]+)\""), used);
		assertThat(used).isNotEmpty();
		assertThat(used).allSatisfy(key -> assertThat(messages).as("message key %s", key).containsKey(key));
	}

	private static void collect(Path root, Pattern pattern, Set<String> into) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Matcher m = pattern.matcher(Files.readString(file));
				while (m.find()) {
					into.add(m.group(1));
				}
			}
		}
	}

}
