package com.xinfang.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.notification.StaffNotices.Notice;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console's small rules of issue 14: one reminder per matter, names not fragments. */
class ConsoleConventionsTest {

	private static final OffsetDateTime T = OffsetDateTime.of(2026, 12, 7, 9, 0, 0, 0, ZoneOffset.ofHours(8));

	@Test
	void oneReminderPerMatterTheLatest() {
		var newestFirst = List.of(new Notice(6, "XF1", "今日到期", T.plusHours(5)), new Notice(5, "XF2", "督办", T.plusHours(4)),
				new Notice(4, "XF1", "3日内到期", T.plusHours(3)), new Notice(3, "XF1", "5日内到期", T.plusHours(2)),
				new Notice(2, "XF3", "吹哨", T.plusHours(1)));
		assertThat(ConsolePages.currentNotices(newestFirst, 10)).extracting(Notice::id).containsExactly(6L, 5L, 2L);
		assertThat(ConsolePages.currentNotices(newestFirst, 2)).extracting(Notice::id).containsExactly(6L, 5L);
	}

	@Test
	void accusedSuggestionsAreNamesNotFragments() {
		assertThat(SuggestionPanel.looksLikeOrganization("比同厂")).isFalse();
		assertThat(SuggestionPanel.looksLikeOrganization("街道白洋河村5组、工业园道路征收该组")).isFalse();
		assertThat(SuggestionPanel.looksLikeOrganization("常德市某物流有限公司")).isTrue();
		assertThat(SuggestionPanel.looksLikeOrganization("丹阳街道办事处")).isTrue();
		assertThat(SuggestionPanel.looksLikePerson("包工头刘某")).isTrue();
		assertThat(SuggestionPanel.looksLikePerson("和他说")).isFalse();
	}

}
