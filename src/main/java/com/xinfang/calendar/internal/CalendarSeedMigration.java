package com.xinfang.calendar.internal;

import com.xinfang.calendar.CalendarDay;
import com.xinfang.calendar.HolidayTable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads {@code calendar/cn-holidays.csv} into {@code calendar_day}: a repeatable Flyway migration
 * ("calendar seed") whose checksum is the file's, so it runs after V3 and again whenever a new
 * version of the file ships (a new year added), on one node under Flyway's lock.
 *
 * <p>
 * A year is loaded at most once ({@code calendar_seeded_year}), and only when the table has no row
 * for it: an administrator's additions, changes and deletions are never undone, and a year an
 * administrator entered from the State Council notice before the file had it is kept as entered.
 */
@Component
class CalendarSeedMigration implements JavaMigration {

	private static final Logger log = LoggerFactory.getLogger(CalendarSeedMigration.class);

	static final String RESOURCE = "calendar/cn-holidays.csv";

	private final byte[] csv;

	CalendarSeedMigration() {
		this(new ClassPathResource(RESOURCE));
	}

	CalendarSeedMigration(ClassPathResource resource) {
		try (InputStream in = resource.getInputStream()) {
			this.csv = in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + resource, ex);
		}
	}

	@Override
	public MigrationVersion getVersion() {
		return null; // repeatable
	}

	@Override
	public String getDescription() {
		return "calendar seed";
	}

	@Override
	public Integer getChecksum() {
		CRC32 crc = new CRC32();
		crc.update(csv);
		return (int) crc.getValue();
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws Exception {
		List<CalendarDay> days = HolidayTable.parseCsv(new ByteArrayInputStream(csv));
		HolidayTable.of(days); // rejects a day listed twice before anything is written
		Map<Integer, List<CalendarDay>> byYear = days.stream()
			.collect(Collectors.groupingBy(d -> d.day().getYear(), TreeMap::new, Collectors.toList()));
		Connection c = context.getConnection();
		String source = RESOURCE + " crc32 " + Integer.toHexString(getChecksum());
		int loaded = 0;
		for (Map.Entry<Integer, List<CalendarDay>> year : byYear.entrySet()) {
			if (exists(c, "SELECT 1 FROM calendar_seeded_year WHERE year = ?", year.getKey())) {
				continue;
			}
			int rows = 0;
			if (!exists(c, "SELECT 1 FROM calendar_day WHERE day BETWEEN make_date(?, 1, 1) AND make_date(?, 12, 31)",
					year.getKey(), year.getKey())) {
				rows = insert(c, year.getValue());
				loaded += rows;
			}
			else {
				log.info("calendar seed: {} already entered by an administrator, kept as it is", year.getKey());
			}
			try (PreparedStatement ps = c
				.prepareStatement("INSERT INTO calendar_seeded_year (year, source, rows) VALUES (?, ?, ?)")) {
				ps.setInt(1, year.getKey());
				ps.setString(2, source);
				ps.setInt(3, rows);
				ps.executeUpdate();
			}
		}
		if (loaded > 0) {
			try (PreparedStatement ps = c.prepareStatement("UPDATE calendar_revision SET revision = revision + 1 WHERE id = 1")) {
				ps.executeUpdate();
			}
		}
		log.info("calendar seed: {} days loaded from {}", loaded, source);
	}

	private static boolean exists(Connection c, String sql, int... params) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				ps.setInt(i + 1, params[i]);
			}
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next();
			}
		}
	}

	private static int insert(Connection c, List<CalendarDay> days) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(
				"INSERT INTO calendar_day (day, kind, name, source, updated_by) VALUES (?, ?, ?, 'SEED', 'seed') ON CONFLICT (day) DO NOTHING")) {
			for (CalendarDay d : days) {
				ps.setDate(1, Date.valueOf(d.day()));
				ps.setString(2, d.kind().name());
				ps.setString(3, d.name());
				ps.addBatch();
			}
			int n = 0;
			for (int r : ps.executeBatch()) {
				n += Math.max(r, 0);
			}
			return n;
		}
	}

}
