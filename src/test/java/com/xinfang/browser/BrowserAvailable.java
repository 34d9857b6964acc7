package com.xinfang.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Decides, before Spring starts, whether the browser journeys can run. Evaluated per class; the
 * explanation is printed once per test run, not once per class.
 */
final class BrowserAvailable implements ExecutionCondition {

	static final String MISSING = "Browser tests skipped: Chromium not found (%s). "
			+ "Install Debian's packages `chromium` and `chromium-driver` (apt-get install chromium chromium-driver), "
			+ "or set CHROMIUM_BIN and CHROMEDRIVER_BIN.";

	private static final AtomicBoolean told = new AtomicBoolean();

	private final Map<String, String> env;

	private final Function<String, String> properties;

	BrowserAvailable() {
		this(System.getenv(), System::getProperty);
	}

	BrowserAvailable(Map<String, String> env, Function<String, String> properties) {
		this.env = env;
		this.properties = properties;
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String missing = missing();
		if (missing == null) {
			return ConditionEvaluationResult.enabled("Chromium and chromedriver found");
		}
		String message = MISSING.formatted(missing);
		if (required()) {
			throw new ExtensionConfigurationException(message.replace("Browser tests skipped", "Browser tests required")
					+ " (a browser is required because CI=true or -Dbrowser.required=true)");
		}
		if (told.compareAndSet(false, true)) {
			System.out.println(message);
		}
		return ConditionEvaluationResult.disabled(message);
	}

	/** The missing executables, or null when both are there. */
	String missing() {
		String browser = env.getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
		String driver = env.getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");
		var absent = new ArrayList<String>();
		if (!Files.isExecutable(Path.of(browser))) {
			absent.add(browser);
		}
		if (!Files.isExecutable(Path.of(driver))) {
			absent.add(driver);
		}
		return absent.isEmpty() ? null : String.join(", ", absent);
	}

	boolean required() {
		return "true".equalsIgnoreCase(env.get("CI")) || "true".equalsIgnoreCase(properties.apply("browser.required"));
	}

}
