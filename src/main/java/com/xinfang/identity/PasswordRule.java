package com.xinfang.identity;

import java.util.Optional;

/** 8–64 characters with at least a letter and a digit (GB/T 22239 level-3 baseline). */
final class PasswordRule {

	private PasswordRule() {
	}

	static Optional<String> problem(String password) {
		if (password == null || password.length() < 8 || password.length() > 64) {
			return Optional.of("密码长度应为8至64位");
		}
		if (!password.matches(".*[A-Za-z].*") || !password.matches(".*\\d.*")) {
			return Optional.of("密码须同时包含字母和数字");
		}
		return Optional.empty();
	}

}
