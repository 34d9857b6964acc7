package com.xinfang.platform;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Locale;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * A record per row, for {@code JdbcClient}'s {@code query(RowMapper)}: each component takes the
 * column of its name or of its snake_case spelling ({@code regionCode} or {@code region_code}),
 * read and converted as {@code query(Class)} does (JdbcUtils, the shared conversion service).
 *
 * <p>Why not {@code query(Class)}: Spring's SimplePropertyRowMapper asks the driver for the column of
 * the component's own name first, and PostgreSQL's driver answers a missing one with an exception —
 * a stack trace for every camelCase component of every row (six per matter of the deadline sweep,
 * two per registration). Here the columns are matched once per result set.
 */
public final class Rows {

	private static final ConversionService CONVERSION = DefaultConversionService.getSharedInstance();

	private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
		@Override
		protected Shape computeValue(Class<?> type) {
			return Shape.of(type);
		}
	};

	private Rows() {
	}

	/** Maps each row to a {@code type}; a component without a column is an error, as with {@code query(Class)}. */
	public static <T extends Record> RowMapper<T> of(Class<T> type) {
		return new Mapper<>(SHAPES.get(type));
	}

	/** A record's canonical constructor, its components' names and the types they are converted to. */
	private record Shape(Constructor<?> constructor, String[] names, TypeDescriptor[] types) {

		static Shape of(Class<?> type) {
			RecordComponent[] components = type.getRecordComponents();
			Class<?>[] parameterTypes = new Class<?>[components.length];
			String[] names = new String[components.length];
			for (int i = 0; i < components.length; i++) {
				parameterTypes[i] = components[i].getType();
				names[i] = components[i].getName();
			}
			try {
				Constructor<?> constructor = type.getDeclaredConstructor(parameterTypes);
				TypeDescriptor[] types = new TypeDescriptor[components.length];
				for (int i = 0; i < components.length; i++) {
					types[i] = new TypeDescriptor(new MethodParameter(constructor, i));
				}
				return new Shape(constructor, names, types);
			}
			catch (NoSuchMethodException e) {
				throw new IllegalArgumentException("no canonical constructor: " + type, e);
			}
		}

		/** The column index of each component in a result set of these columns. */
		int[] columns(ResultSetMetaData meta) throws SQLException {
			int count = meta.getColumnCount();
			String[] labels = new String[count];
			for (int c = 1; c <= count; c++) {
				labels[c - 1] = JdbcUtils.lookupColumnName(meta, c).toLowerCase(Locale.ROOT);
			}
			int[] columns = new int[names.length];
			for (int i = 0; i < names.length; i++) {
				columns[i] = find(labels, names[i].toLowerCase(Locale.ROOT));
				if (columns[i] == 0) {
					columns[i] = find(labels, JdbcUtils.convertPropertyNameToUnderscoreName(names[i]));
				}
				if (columns[i] == 0) {
					throw new SQLException("no column " + names[i] + " for " + constructor.getDeclaringClass().getName());
				}
			}
			return columns;
		}

		private static int find(String[] labels, String name) {
			for (int c = 0; c < labels.length; c++) {
				if (labels[c].equals(name)) {
					return c + 1;
				}
			}
			return 0;
		}
	}

	/** The columns of the last result set mapped (a mapper may be shared: a race only matches them again). */
	private record Matched(ResultSet rows, int[] columns) {
	}

	private static final class Mapper<T> implements RowMapper<T> {

		private final Shape shape;

		private volatile Matched matched;

		Mapper(Shape shape) {
			this.shape = shape;
		}

		@Override
		@SuppressWarnings("unchecked")
		public T mapRow(ResultSet rs, int rowNum) throws SQLException {
			Matched m = matched;
			if (m == null || m.rows() != rs) {
				m = new Matched(rs, shape.columns(rs.getMetaData()));
				matched = m;
			}
			Object[] args = new Object[shape.names().length];
			for (int i = 0; i < args.length; i++) {
				TypeDescriptor type = shape.types()[i];
				args[i] = CONVERSION.convert(JdbcUtils.getResultSetValue(rs, m.columns()[i], type.getType()), type);
			}
			return (T) BeanUtils.instantiateClass(shape.constructor(), args);
		}
	}

}
