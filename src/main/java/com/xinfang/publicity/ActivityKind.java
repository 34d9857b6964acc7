package com.xinfang.publicity;

/** The kinds of publicity activity the bureau's report counts. */
public enum ActivityKind {

	MONTH("信访法治宣传月"), CONSTITUTION_DAY("12·4 国家宪法日"), SECURITY_DAY("4·15 全民国家安全教育日"), ONSITE("现场集中宣传"),
	TRAINING("培训"), LED("LED 屏播放"), MATERIALS("宣传资料发放");

	private final String label;

	ActivityKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
