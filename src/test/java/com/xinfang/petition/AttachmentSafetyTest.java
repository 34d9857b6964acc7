package com.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** Downloads are named by the detected type; PDFs are never shown inline; huge pictures are refused. */
class AttachmentSafetyTest {

	@TempDir
	Path dir;

	@Test
	void aDownloadIsNamedByTheDetectedTypeNotTheClientsExtension() {
		assertThat(new PetitionQueries.AttachmentFile("poly.html", "image/png", "0b6c.png").downloadName()).isEqualTo("poly.png");
		assertThat(new PetitionQueries.AttachmentFile("..\\..\\etc/现场照片.JPG.exe", "image/jpeg", "1.jpg").downloadName())
			.isEqualTo("现场照片.JPG.jpg");
		assertThat(new PetitionQueries.AttachmentFile("\"<x>\".pdf", "application/pdf", "2.pdf").downloadName()).isEqualTo("x.pdf");
		assertThat(new PetitionQueries.AttachmentFile(null, "application/pdf", "3.pdf").downloadName()).isEqualTo("附件.pdf");
	}

	@Test
	void onlyPicturesAreShownInline() {
		assertThat(new PetitionQueries.AttachmentFile("a.png", "image/png", "a.png").inline()).isTrue();
		assertThat(new PetitionQueries.AttachmentFile("a.pdf", "application/pdf", "a.pdf").inline()).isFalse();
	}

	@Test
	void aPictureDeclaring20000By20000PixelsIsRefusedWithoutDecodingIt() throws IOException {
		Path bomb = dir.resolve("bomb.png");
		Files.write(bomb, pngHeader(20_000, 20_000));
		assertThat(ImageBounds.problem(bomb)).contains("尺寸过大").contains("20000×20000");
		Path photo = dir.resolve("photo.png");
		Files.write(photo, pngHeader(4000, 3000));
		assertThat(ImageBounds.problem(photo)).isNull();
		assertThat(ImageBounds.problem(12_000, 9_000)).as("108 megapixels").isNotNull();
	}

	@Test
	void theStoreRefusesTheBombAndKeepsNothing() throws IOException {
		var store = new AttachmentStore(dir.resolve("store"), "directory", null, new MockEnvironment());
		byte[] bytes = pngHeader(20_000, 20_000);
		var upload = new Upload() {
			@Override
			public String fileName() {
				return "现场.png";
			}

			@Override
			public long size() {
				return bytes.length;
			}

			@Override
			public InputStream open() {
				return new ByteArrayInputStream(bytes);
			}
		};
		Assertions.assertThatThrownBy(() -> store.store(upload, 0))
			.hasMessageContaining("图片「现场.png」尺寸过大");
		try (var files = Files.list(dir.resolve("store"))) {
			assertThat(files).isEmpty();
		}
	}

	/** A PNG signature and IHDR chunk declaring the size (enough for a reader's header), then IEND. */
	static byte[] pngHeader(int width, int height) throws IOException {
		var out = new ByteArrayOutputStream();
		var data = new DataOutputStream(out);
		data.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
		var ihdr = new ByteArrayOutputStream();
		var h = new DataOutputStream(ihdr);
		h.writeInt(width);
		h.writeInt(height);
		h.write(new byte[] { 8, 2, 0, 0, 0 });
		chunk(data, "IHDR", ihdr.toByteArray());
		chunk(data, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(DataOutputStream out, String type, byte[] body) throws IOException {
		out.writeInt(body.length);
		byte[] t = type.getBytes(StandardCharsets.US_ASCII);
		out.write(t);
		out.write(body);
		var crc = new CRC32();
		crc.update(t);
		crc.update(body);
		out.writeInt((int) crc.getValue());
	}

}
