package io.github.dicomscu.fuzz;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Makes fuzz inputs: valid encodings with one to four mutations (a bit flipped, a byte
 * replaced, bytes inserted or deleted, a 16- or 32-bit field in either byte order set to
 * 0, 0xFFFF or 0xFFFFFFFF as a length, a chunk duplicated, a truncation), and arbitrary
 * bytes. Every input is at most {@link #MAXIMUM_LENGTH} bytes, which keeps sequence
 * nesting and deflate output far below what the data codec's open limits (issue 9 points
 * 1: nesting depth, inflation) would need.
 */
final class Mutator {

	/** The largest input made, in bytes. */
	static final int MAXIMUM_LENGTH = 4096;

	private static final long[] LENGTHS = { 0, 0xFFFF, 0xFFFFFFFFL, 0xFFFFFFFEL, 1, 0x7FFFFFFF };

	private static final int MUTATIONS = 8;

	private final RandomGenerator random;

	/**
	 * Create a mutator.
	 * @param random the source of every choice, seeded for reproducible runs
	 */
	Mutator(RandomGenerator random) {
		this.random = random;
	}

	/**
	 * Return one seed, picked at random, with one to four mutations.
	 * @param seeds the valid encodings
	 * @return the mutated copy
	 */
	byte[] mutate(List<byte[]> seeds) {
		byte[] input = seeds.get(this.random.nextInt(seeds.size()));
		int count = 1 + this.random.nextInt(4);
		for (int i = 0; i < count; i++) {
			input = mutateOnce(input);
		}
		return (input.length > MAXIMUM_LENGTH) ? Arrays.copyOf(input, MAXIMUM_LENGTH) : input;
	}

	/**
	 * Return arbitrary bytes, mostly short.
	 * @return the bytes
	 */
	byte[] arbitrary() {
		int length = this.random.nextBoolean() ? this.random.nextInt(64) : this.random.nextInt(MAXIMUM_LENGTH + 1);
		byte[] bytes = new byte[length];
		this.random.nextBytes(bytes);
		return bytes;
	}

	private byte[] mutateOnce(byte[] input) {
		if (input.length == 0) {
			return arbitrary();
		}
		int at = this.random.nextInt(input.length);
		return switch (this.random.nextInt(MUTATIONS)) {
			case 0 -> flipBit(input, at);
			case 1 -> replaceByte(input, at);
			case 2 -> insert(input, at);
			case 3 -> delete(input, at);
			case 4 -> setLength(input, at);
			case 5 -> duplicate(input, at);
			case 6 -> Arrays.copyOf(input, at);
			default -> setLength(input, at & ~1);
		};
	}

	private byte[] flipBit(byte[] input, int at) {
		byte[] output = input.clone();
		output[at] ^= (byte) (1 << this.random.nextInt(8));
		return output;
	}

	private byte[] replaceByte(byte[] input, int at) {
		byte[] output = input.clone();
		output[at] = (byte) this.random.nextInt(256);
		return output;
	}

	private byte[] insert(byte[] input, int at) {
		byte[] inserted = new byte[1 + this.random.nextInt(16)];
		this.random.nextBytes(inserted);
		return splice(input, at, 0, inserted);
	}

	private byte[] delete(byte[] input, int at) {
		int count = 1 + this.random.nextInt(Math.min(16, input.length - at));
		return splice(input, at, count, new byte[0]);
	}

	private byte[] duplicate(byte[] input, int at) {
		int count = 1 + this.random.nextInt(Math.min(64, input.length - at));
		return splice(input, at, 0, Arrays.copyOfRange(input, at, at + count));
	}

	private byte[] setLength(byte[] input, int at) {
		byte[] output = input.clone();
		long value = LENGTHS[this.random.nextInt(LENGTHS.length)];
		int width = this.random.nextBoolean() ? 4 : 2;
		boolean bigEndian = this.random.nextBoolean();
		for (int i = 0; i < width && at + i < output.length; i++) {
			int shift = 8 * (bigEndian ? width - 1 - i : i);
			output[at + i] = (byte) (value >>> shift);
		}
		return output;
	}

	private static byte[] splice(byte[] input, int at, int removed, byte[] inserted) {
		byte[] output = new byte[input.length - removed + inserted.length];
		System.arraycopy(input, 0, output, 0, at);
		System.arraycopy(inserted, 0, output, at, inserted.length);
		System.arraycopy(input, at + removed, output, at + inserted.length, input.length - at - removed);
		return output;
	}

}
