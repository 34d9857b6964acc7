package com.xinfang.platform;

import java.util.List;

/**
 * A user's request that cannot be done, with a Chinese message fit to show. Mapped centrally to
 * 400/403/404/409/429; never a stack trace and never a 500.
 */
public abstract sealed class DomainException extends RuntimeException {

	protected DomainException(String message) {
		super(message);
	}

	/** 400: bad input; nothing was stored. */
	public static final class Invalid extends DomainException {

		private final List<FieldProblem> problems;

		public Invalid(List<FieldProblem> problems) {
			super(problems.isEmpty() ? "提交的内容有误" : problems.get(0).message());
			this.problems = List.copyOf(problems);
		}

		public Invalid(String field, String message) {
			this(List.of(new FieldProblem(field, message)));
		}

		public List<FieldProblem> problems() {
			return problems;
		}

	}

	/** 401: wrong or missing credentials. */
	public static final class Unauthenticated extends DomainException {

		public Unauthenticated(String message) {
			super(message);
		}

	}

	/** 403: the caller may not do this. */
	public static final class Forbidden extends DomainException {

		public Forbidden(String message) {
			super(message);
		}

	}

	/** 404: unknown, or not the caller's to know. */
	public static final class NotFound extends DomainException {

		public NotFound(String message) {
			super(message);
		}

	}

	/** 409: does not fit the current state, or the version is stale. */
	public static final class Conflict extends DomainException {

		public Conflict(String message) {
			super(message);
		}

	}

	/** 429: too many failures; try again later. */
	public static final class Throttled extends DomainException {

		private final long retryAfterSeconds;

		public Throttled(long retryAfterSeconds) {
			super("尝试次数过多，请" + Math.max(1, (retryAfterSeconds + 59) / 60) + "分钟后再试");
			this.retryAfterSeconds = retryAfterSeconds;
		}

		public long retryAfterSeconds() {
			return retryAfterSeconds;
		}

	}

	public record FieldProblem(String field, String message) {
	}

}
