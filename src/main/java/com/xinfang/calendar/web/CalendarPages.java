package com.xinfang.calendar.web;

import com.xinfang.calendar.CalendarDay;
import com.xinfang.calendar.DayKind;
import com.xinfang.calendar.DeadlineClock;
import com.xinfang.calendar.HolidayTable;
import com.xinfang.calendar.internal.CalendarAdministration;
import com.xinfang.calendar.internal.CalendarAdministration.DayForm;
import com.xinfang.calendar.internal.CalendarStore;
import com.xinfang.identity.Actor;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.PageController;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The holiday calendar for administrators: one year's holidays and make-up days, with add, edit, delete. */
@PageController
class CalendarPages {

	private final CalendarStore store;

	private final CalendarAdministration administration;

	private final DeadlineClock clock;

	CalendarPages(CalendarStore store, CalendarAdministration administration, DeadlineClock clock) {
		this.store = store;
		this.administration = administration;
		this.clock = clock;
	}

	@GetMapping("/admin/calendar")
	String calendar(@RequestParam(required = false) Integer year, Model model) {
		int shown = year == null ? clock.today().getYear() : Math.max(2000, Math.min(year, 2100));
		fill(model, shown, DayForm.empty());
		return "admin/calendar";
	}

	@PostMapping("/admin/calendar/days")
	String add(DayForm form, Actor actor, Model model, RedirectAttributes redirect) {
		try {
			CalendarDay added = administration.addDay(form, actor);
			redirect.addFlashAttribute("flashKey", "calendar.flash.added");
			return "redirect:/admin/calendar?year=" + added.day().getYear();
		}
		catch (DomainException.Invalid ex) {
			return rejected(model, ex, yearOf(form.day()), form);
		}
	}

	@PostMapping("/admin/calendar/days/{day}")
	String change(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, DayForm form, Actor actor,
			Model model, RedirectAttributes redirect) {
		try {
			administration.changeDay(day, form, actor);
			redirect.addFlashAttribute("flashKey", "calendar.flash.changed");
			return "redirect:/admin/calendar?year=" + day.getYear();
		}
		catch (DomainException.Invalid ex) {
			return rejected(model, ex, day.getYear(), DayForm.empty());
		}
	}

	@PostMapping("/admin/calendar/days/{day}/delete")
	String delete(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Actor actor,
			RedirectAttributes redirect) {
		administration.deleteDay(day, actor);
		redirect.addFlashAttribute("flashKey", "calendar.flash.deleted");
		return "redirect:/admin/calendar?year=" + day.getYear();
	}

	private String rejected(Model model, DomainException.Invalid ex, int year, DayForm form) {
		model.addAttribute("problems", ex.problems());
		fill(model, year, form);
		return "admin/calendar";
	}

	private void fill(Model model, int year, DayForm form) {
		HolidayTable table = store.holidaysNow();
		int thisYear = clock.today().getYear();
		List<CalendarDay> days = table.year(year);
		int first = Math.min(year, table.coveredYears().isEmpty() ? thisYear : table.coveredYears().first());
		int last = Math.max(year, thisYear + 1);
		model.addAttribute("year", year);
		model.addAttribute("years", IntStream.rangeClosed(first, last).boxed().sorted((a, b) -> b - a).toList());
		model.addAttribute("days", days);
		model.addAttribute("holidayCount", days.stream().filter(d -> d.kind() == DayKind.HOLIDAY).count());
		model.addAttribute("workdayCount", days.stream().filter(d -> d.kind() == DayKind.WORKDAY).count());
		model.addAttribute("covered", table.covers(year));
		model.addAttribute("coveredUntil", table.coveredUntilYear().orElse(null));
		model.addAttribute("missingYears", table.missingYears(clock.today()));
		model.addAttribute("kinds", DayKind.values());
		model.addAttribute("form", form);
	}

	private int yearOf(String day) {
		try {
			return LocalDate.parse(day.strip()).getYear();
		}
		catch (RuntimeException ex) {
			return clock.today().getYear();
		}
	}

}
