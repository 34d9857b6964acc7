package com.xinfang.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable snapshot of the calendar with all the day arithmetic, so the counting rules are
 * testable without a database. {@link WorkingCalendar} wraps the current snapshot of the table.
 *
 * <p>
 * A day is a rest day when it is listed as {@link DayKind#HOLIDAY}, or when it is a Saturday or
 * Sunday not listed as a {@link DayKind#WORKDAY}. Outside the years the table covers only weekends
 * are rest days; {@link #covers(int)} tells the UI when to warn.
 */
public final class HolidayTable {

	/** A run of rest days longer than this is a data error, not a holiday. */
	private static final int MAX_REST_RUN = 366;

	private static final String BUNDLED = "calendar/cn-holidays.csv";

	private final NavigableMap<LocalDate, CalendarDay> days;

	private final SortedSet<Integer> coveredYears;

	private HolidayTable(Collection<CalendarDay> list) {
		TreeMap<LocalDate, CalendarDay> map = new TreeMap<>();
		TreeSet<Integer> years = new TreeSet<>();
		for (CalendarDay d : list) {
			if (map.put(d.day(), d) != null) {
				throw new IllegalArgumentException("day listed twice: " + d.day());
			}
			// The National Day holiday (October) is the last of every year's notice: a year is
			// entered once it is there, so a half-entered year still raises the warning.
			if (d.kind() == DayKind.HOLIDAY && d.day().getMonth() == Month.OCTOBER) {
				years.add(d.day().getYear());
			}
		}
		this.days = Collections.unmodifiableNavigableMap(map);
		this.coveredYears = Collections.unmodifiableSortedSet(years);
	}

	public static HolidayTable of(Collection<CalendarDay> days) {
		return new HolidayTable(days);
	}

	/** Weekends only: no holiday data at all. */
	public static HolidayTable empty() {
		return new HolidayTable(List.of());
	}

	/** The data set shipped with the application ({@code calendar/cn-holidays.csv}), for tests and tools. */
	public static HolidayTable bundled() {
		try (InputStream in = HolidayTable.class.getClassLoader().getResourceAsStream(BUNDLED)) {
			if (in == null) {
				throw new IllegalStateException("missing " + BUNDLED);
			}
			return of(parseCsv(in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads the {@code day,kind,name} format of {@code cn-holidays.csv}: lines starting with
	 * {@code #} are comments, the first other line is the header.
	 */
	public static List<CalendarDay> parseCsv(InputStream in) throws IOException {
		List<CalendarDay> list = new ArrayList<>();
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		boolean header = true;
		int lineNo = 0;
		for (String line = reader.readLine(); line != null; line = reader.readLine()) {
			lineNo++;
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			if (header) {
				if (!line.strip().equals("day,kind,name")) {
					throw new IllegalArgumentException("line " + lineNo + ": expected the header day,kind,name");
				}
				header = false;
				continue;
			}
			String[] cells = line.split(",", 3);
			if (cells.length != 3) {
				throw new IllegalArgumentException("line " + lineNo + ": expected day,kind,name");
			}
			list.add(new CalendarDay(LocalDate.parse(cells[0].strip()), DayKind.valueOf(cells[1].strip()),
					cells[2].strip()));
		}
		return list;
	}

	/** A weekend day or a statutory holiday, but not a 调休 make-up working day. */
	public boolean isRestDay(LocalDate date) {
		CalendarDay listed = days.get(date);
		if (listed != null) {
			return listed.kind() == DayKind.HOLIDAY;
		}
		DayOfWeek dow = date.getDayOfWeek();
		return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
	}

	public boolean isWorkingDay(LocalDate date) {
		return !isRestDay(date);
	}

	/** The date itself when it is a working day, otherwise the first working day after it. */
	public LocalDate nextWorkingDayFrom(LocalDate date) {
		LocalDate d = date;
		for (int i = 0; isRestDay(d); i++) {
			if (i > MAX_REST_RUN) {
				throw new IllegalStateException("no working day within a year after " + date);
			}
			d = d.plusDays(1);
		}
		return d;
	}

	/**
	 * The last day of a limit of {@code days} calendar days (日) starting on {@code start}: the start
	 * day is not counted (民法典 Art 201), and a last day that is a rest day moves to the next working
	 * day (民法典 Art 203).
	 */
	public LocalDate addCalendarDays(LocalDate start, int days) {
		requireNotNegative(days);
		return nextWorkingDayFrom(start.plusDays(days));
	}

	/**
	 * The last day of a limit of {@code days} working days (工作日) starting on {@code start}: the
	 * {@code days}-th working day after the start day. Zero days is the start day itself.
	 */
	public LocalDate addWorkingDays(LocalDate start, int days) {
		requireNotNegative(days);
		LocalDate d = start;
		for (int counted = 0; counted < days;) {
			d = d.plusDays(1);
			if (isWorkingDay(d)) {
				counted++;
			}
		}
		return d;
	}

	/** The number of working days in {@code (from, to]}; zero when {@code to} is not after {@code from}. */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		int n = 0;
		for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
			if (isWorkingDay(d)) {
				n++;
			}
		}
		return n;
	}

	/**
	 * Whether the holidays of this year have been entered: the table lists its National Day holiday
	 * (October), the last holiday of every State Council notice.
	 */
	public boolean covers(int year) {
		return coveredYears.contains(year);
	}

	/**
	 * This year and next year, those of them whose holidays have not been entered: the calendar must
	 * cover both (the State Council publishes next year's arrangement in November or December).
	 */
	public List<Integer> missingYears(LocalDate today) {
		List<Integer> missing = new ArrayList<>();
		for (int year = today.getYear(); year <= today.getYear() + 1; year++) {
			if (!covers(year)) {
				missing.add(year);
			}
		}
		return missing;
	}

	/** The last year whose holidays have been entered, empty for an empty table. */
	public Optional<Integer> coveredUntilYear() {
		return coveredYears.isEmpty() ? Optional.empty() : Optional.of(coveredYears.last());
	}

	/** Years whose holidays have been entered, ascending. */
	public SortedSet<Integer> coveredYears() {
		return coveredYears;
	}

	public Optional<CalendarDay> day(LocalDate date) {
		return Optional.ofNullable(days.get(date));
	}

	/** The listed days of one year, in date order. */
	public List<CalendarDay> year(int year) {
		return List.copyOf(days.subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true).values());
	}

	/** All listed days, in date order. */
	public List<CalendarDay> all() {
		return List.copyOf(days.values());
	}

	private static void requireNotNegative(int days) {
		if (days < 0) {
			throw new IllegalArgumentException("days must not be negative: " + days);
		}
	}

}
