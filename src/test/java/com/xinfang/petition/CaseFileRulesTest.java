package com.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.petition.PetitionViews.HistoryEntry;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The case file's own rules (issue 12 item 6): the reason of a draft sent back, shown until a new draft. */
class CaseFileRulesTest {

	private static final OffsetDateTime T = OffsetDateTime.of(2026, 12, 7, 9, 0, 0, 0, ZoneOffset.ofHours(8));

	@Test
	void theReturnReasonUntilANewDraft() {
		var returned = List.of(entry("REPLY", Status.REPLY_PENDING_APPROVAL, "拟定处理意见书"),
				entry("RETURN", Status.ACCEPTED, "退回修改：请写明补发金额"));
		assertThat(PetitionQueries.returnedNote(returned)).isEqualTo("请写明补发金额");
		var redrafted = new ArrayList<>(returned);
		redrafted.add(entry("REPLY", Status.REPLY_PENDING_APPROVAL, "拟定处理意见书"));
		assertThat(PetitionQueries.returnedNote(redrafted)).isNull();
		// a closure sent back by the reviewer is not a draft returned by the head
		assertThat(PetitionQueries.returnedNote(List.of(entry("ACCEPT", Status.ACCEPTED, "受理")))).isNull();
	}

	private static HistoryEntry entry(String action, Status to, String note) {
		return new HistoryEntry(T, "hr.head", action, null, to, note);
	}

}
