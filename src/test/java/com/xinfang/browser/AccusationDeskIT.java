package com.xinfang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.privacy.IdNumber;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Art 30 as a registrar meets it: the accused unit is chosen from the directory at the desk, the
 * case page refuses to transfer the accusation to it, and the department it went to instead sees
 * it without the accuser.
 */
@IntegrationTest
class AccusationDeskIT {

	@LocalServerPort
	int port;

	@Test
	void anAccusationIsRegisteredAgainstADirectoryUnitAndNeverReachesIt() {
		String number;
		try (Browser b = new Browser(port, 1400, 1000)) {
			b.logInStaff("city.registrar", "Demo@2026");
			b.open("/console/register");
			b.type("#pName0", "邓小军");
			b.type("#pId0", IdNumber.withCheckCharacter("43070219750601777"));
			b.select("#county", "武陵区");
			b.type("#title", "检举住建局干部违规分配安置房");
			b.type("#content", "检举市住房和城乡建设局某科长在安置房分配中为亲属违规多占两套房源，请求纪检部门调查。");
			b.select("#kind", "检举控告类");
			b.select("#accusedUnitCode", "市住房和城乡建设局");
			b.type("#accusedPerson", "某科长");
			b.screenshot("accusation-01-desk");
			b.click("#desk-form button[type=submit]");
			number = b.text("#registered-number");

			b.open("/console/petitions/" + number);
			assertThat(b.pageText()).contains("市住房和城乡建设局");
			b.click("#act-TRANSFER summary");
			b.select("#act-TRANSFER select[name=unitCode]", "市住房和城乡建设局");
			b.type("#act-TRANSFER input[name=commContact]", "住建局办公室");
			b.type("#act-TRANSFER textarea[name=commSummary]", "电话沟通");
			b.click("#act-TRANSFER button[type=submit]");
			assertThat(b.text("#action-error")).contains("第三十条");
			b.screenshot("accusation-02-refused");
		}
		try (Browser housing = new Browser(port, 1400, 1000)) {
			housing.logInStaff("housing.officer", "Demo@2026");
			housing.open("/console/petitions/" + number);
			assertThat(housing.pageText()).doesNotContain("检举住建局干部违规分配安置房").doesNotContain("邓小军");
		}
	}

}
