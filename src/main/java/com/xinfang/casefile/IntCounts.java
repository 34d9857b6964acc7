package com.xinfang.casefile;

/**
 * Word counts by word hash, read without locks or boxing: the duplicate score asks for the
 * frequency of every word of every candidate (about two thousand lookups per registration), and
 * a {@code ConcurrentHashMap<Integer, Integer>} spent 11 % of a registration's CPU hashing and
 * comparing boxed integers. Open addressing over two int arrays; writers are serialised, readers
 * read racily and may see a count that is a moment old (a word just added reads as 0), which a
 * rarity weight tolerates.
 */
final class IntCounts {

	private record Table(int[] keys, int[] counts, int size) {
	}

	/** Key 0 marks an empty slot; the word hash 0 is kept on the side. */
	private volatile Table table;

	private volatile int zero;

	IntCounts(int expected) {
		table = new Table(new int[capacityFor(expected)], new int[capacityFor(expected)], 0);
	}

	int get(int key) {
		if (key == 0) {
			return zero;
		}
		Table t = table;
		int mask = t.keys.length - 1;
		for (int i = mix(key) & mask;; i = (i + 1) & mask) {
			int k = t.keys[i];
			if (k == key) {
				return t.counts[i];
			}
			if (k == 0) {
				return 0;
			}
		}
	}

	synchronized void add(int key, int delta) {
		if (key == 0) {
			zero += delta;
			return;
		}
		Table t = table;
		if ((t.size + 1) * 2 > t.keys.length) {
			t = grown(t);
		}
		int mask = t.keys.length - 1;
		for (int i = mix(key) & mask;; i = (i + 1) & mask) {
			int k = t.keys[i];
			if (k == key) {
				t.counts[i] += delta;
				return;
			}
			if (k == 0) {
				t.counts[i] = delta; // the count before the key: a racing reader sees 0 or the count
				t.keys[i] = key;
				table = new Table(t.keys, t.counts, t.size + 1);
				return;
			}
		}
	}

	int size() {
		return table.size + (zero != 0 ? 1 : 0);
	}

	private Table grown(Table t) {
		int capacity = t.keys.length * 2;
		int[] keys = new int[capacity];
		int[] counts = new int[capacity];
		int mask = capacity - 1;
		for (int j = 0; j < t.keys.length; j++) {
			int k = t.keys[j];
			if (k != 0) {
				int i = mix(k) & mask;
				while (keys[i] != 0) {
					i = (i + 1) & mask;
				}
				keys[i] = k;
				counts[i] = t.counts[j];
			}
		}
		Table bigger = new Table(keys, counts, t.size);
		table = bigger;
		return bigger;
	}

	private static int capacityFor(int expected) {
		int capacity = 16;
		while (capacity < expected * 2) {
			capacity <<= 1;
		}
		return capacity;
	}

	/** Word hashes are already hashes, but spread them anyway: nearby values must not cluster. */
	private static int mix(int key) {
		int h = key * 0x9E3779B9;
		return h ^ (h >>> 16);
	}

}
