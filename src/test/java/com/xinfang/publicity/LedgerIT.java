package com.xinfang.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import com.xinfang.identity.Accounts;
import com.xinfang.identity.Actor;
import com.xinfang.platform.DomainException;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The ledger: activities in scope, photos checked by content, attendance, tasks reported once, and the annual report's section. */
@IntegrationTest
class LedgerIT {

	/** The application's clock (it starts at a fixed instant in the integration tests). */
	@Autowired
	Clock clock;

	@LocalServerPort
	int port;

	@Autowired
	Ledger ledger;

	@Autowired
	PublicityFigures figures;

	@Autowired
	Accounts accounts;

	Actor staff(String u) {
		return accounts.actorByUsername(u).orElseThrow();
	}

	@Test
	void activitiesAreRecordedInScopeAndCountedInTheYearsFigures() throws Exception {
		int year = LocalDate.now(clock).getYear();
		PublicityFigures.Year before = figures.year(year, "4307");
		Actor wuling = staff("wuling.registrar");
		assertThatThrownBy(() -> ledger.record(new Ledger.ActivityForm(ActivityKind.ONSITE, "越界宣传", "430703", LocalDate.now(clock), "鼎城", 1, 1, 1,
				null), wuling)).isInstanceOfSatisfying(DomainException.Invalid.class,
						ex -> assertThat(ex.problems().get(0).message()).contains("本辖区"));
		assertThatThrownBy(() -> ledger.record(new Ledger.ActivityForm(ActivityKind.ONSITE, "", "430702", LocalDate.now(clock).plusDays(3), "", -1, 0, 0,
				null), wuling)).isInstanceOfSatisfying(DomainException.Invalid.class,
						ex -> assertThat(ex.problems()).extracting(DomainException.FieldProblem::field).contains("title", "heldOn", "place", "counts"));
		long id = ledger.record(new Ledger.ActivityForm(ActivityKind.ONSITE, "社区普法宣传", "430702", LocalDate.now(clock), "武陵区丹阳街道", 500, 120, 80,
				null), wuling);
		long training = ledger.record(new Ledger.ActivityForm(ActivityKind.TRAINING, "条例培训", "430702", LocalDate.now(clock), "区信访局", 0, 30, 0, null),
				wuling);
		List<Ledger.Attendee> can = ledger.attendance(training, wuling);
		ledger.setAttendance(training, List.of(can.get(0).userId()), wuling);
		assertThat(ledger.activity(training, wuling).attendeesCounted()).isEqualTo(1);

		// photos: checked by content
		assertThatThrownBy(() -> ledger.addPhoto(id, "not an image at all".getBytes(), wuling)).isInstanceOf(DomainException.Invalid.class);
		ledger.addPhoto(id, Base64.getDecoder()
			.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="), wuling);
		assertThat(ledger.activity(id, wuling).photos()).isEqualTo(1);
		// another county's bureau does not know the activity
		assertThatThrownBy(() -> ledger.activity(id, staff("hr.officer"))).isInstanceOf(DomainException.NotFound.class);

		PublicityFigures.Year after = figures.year(year, "4307");
		assertThat(after.materials() - before.materials()).isEqualTo(500);
		assertThat(after.answered() - before.answered()).isEqualTo(80);
		assertThat(after.attendees() - before.attendees()).isEqualTo(121);
		assertThat(after.activitiesOf(ActivityKind.TRAINING) - before.activitiesOf(ActivityKind.TRAINING)).isEqualTo(1);
		// a county's figures leave out the others
		assertThat(figures.year(year, "430703").materials()).isLessThan(after.materials());

		// the annual Word report takes its 法治宣传 section from these figures
		var api = new TestApi(port);
		String token = api.token("leader", "Demo@2026");
		byte[] docx = api.bytes("/api/v1/stats/report.docx?year=" + year, token);
		try (var doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
			String text = doc.getParagraphs().stream().map(p -> p.getText()).reduce("", String::concat);
			assertThat(text).contains("（五）法治宣传").contains("全年发放宣传资料" + after.materials() + "份");
		}
	}

	@Test
	void aTaskIsReportedDoneOnceByItsOwnerUnit() {
		Actor bureau = staff("city.registrar");
		long id = ledger.addTask(Ledger.TaskList.RESPONSIBILITY, 2026, "劳动保障法律进企业", "CD-HRSS", LocalDate.of(2026, 12, 31), bureau);
		assertThatThrownBy(() -> ledger.addTask(Ledger.TaskList.KEY, 2026, "x", "CD-HRSS", LocalDate.of(2026, 12, 31), staff("hr.head")))
			.isInstanceOf(DomainException.Forbidden.class);
		assertThatThrownBy(() -> ledger.reportDone(id, 0, "完成", staff("housing.head"))).isInstanceOf(DomainException.Forbidden.class);
		assertThatThrownBy(() -> ledger.reportDone(id, 0, " ", staff("hr.head"))).isInstanceOf(DomainException.Invalid.class);
		ledger.reportDone(id, 0, "已在10家企业开展宣讲", staff("hr.head"));
		assertThatThrownBy(() -> ledger.reportDone(id, 0, "又一次", staff("hr.officer"))).isInstanceOf(DomainException.Conflict.class);
		assertThat(ledger.tasks(2026, staff("hr.officer"))).filteredOn(t -> t.id() == id).singleElement().satisfies(t -> {
			assertThat(t.done()).isTrue();
			assertThat(t.onTime()).isTrue();
		});
		assertThat(ledger.tasks(2026, staff("housing.officer"))).noneMatch(t -> t.id() == id);
	}

}
