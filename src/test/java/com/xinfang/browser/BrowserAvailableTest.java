package com.xinfang.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class BrowserAvailableTest {

	private static final Map<String, String> NO_BROWSER = Map.of("CHROMIUM_BIN", "/nonexistent/chromium",
			"CHROMEDRIVER_BIN", "/nonexistent/chromedriver");

	@Test
	void skipsWithThePackagesToInstallWhenChromiumIsMissing() {
		var condition = new BrowserAvailable(NO_BROWSER, name -> null);
		var result = condition.evaluateExecutionCondition(null);
		assertThat(result.isDisabled()).isTrue();
		assertThat(result.getReason()).get()
			.asString()
			.contains("`chromium`", "`chromium-driver`", "/nonexistent/chromium", "/nonexistent/chromedriver");
	}

	@Test
	void failsWhenCiDemandsABrowser() {
		var env = new HashMap<>(NO_BROWSER);
		env.put("CI", "true");
		var condition = new BrowserAvailable(env, name -> null);
		assertThatThrownBy(() -> condition.evaluateExecutionCondition(null))
			.isInstanceOf(ExtensionConfigurationException.class)
			.hasMessageContaining("chromium-driver")
			.hasMessageContaining("CI=true");
	}

	@Test
	void failsWhenThePropertyDemandsABrowser() {
		var condition = new BrowserAvailable(NO_BROWSER, name -> "browser.required".equals(name) ? "true" : null);
		assertThatThrownBy(() -> condition.evaluateExecutionCondition(null))
			.isInstanceOf(ExtensionConfigurationException.class);
	}

	@Test
	void runsWhenBothExecutablesAreThere() {
		// any executable stands in for the browser and its driver
		var condition = new BrowserAvailable(Map.of("CHROMIUM_BIN", "/bin/sh", "CHROMEDRIVER_BIN", "/bin/sh", "CI", "true"),
				name -> null);
		assertThat(condition.evaluateExecutionCondition(null).isDisabled()).isFalse();
	}

}
