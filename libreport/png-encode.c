/* libreport: PNG encoding of a cairo image surface, fast enough for slides (a 1600×900 chart's
 * rows deflate in about 1 ms; cairo_surface_write_to_png takes 35–40 ms for the whole file).
 *
 * Where the time goes: a 1600×900 RGB image is 4.3 MB of rows. zlib level 1 deflates them in
 * 7.5–9 ms on this 2-core machine whatever the filter; Intel ISA-L's igzip level 1 in about
 * 1 ms, for files about 1.12× zlib's size (1.3–1.45× cairo's, which uses zlib's default
 * level 6). So igzip does the deflate when the build found it (meson -Ddeflate=auto|isal|zlib)
 * and zlib is the portable fallback; libpng writes the container either way.
 *
 * The rows are cut into strips of a fixed STRIP_ROWS rows, each filtered and deflated on its
 * own, as pigz does: every strip but the last ends with a sync flush (which ends on a byte
 * boundary), the raw streams are joined behind one zlib header, and the strips' Adler-32
 * checksums are combined with adler32_combine(). The result is one ordinary zlib stream,
 * which libpng writes as the IDAT chunk of a file whose signature, IHDR and IEND it also
 * writes. Up to MAX_WORKERS threads (LREPORT_PNG_THREADS; one by default, see
 * worker_count) take strips in turn; the strip layout never depends on them.
 *
 * Same bytes on any machine: for one build (the same back end and the same libisal or zlib)
 * the file depends only on the pixels, never on threads, cores, memory addresses or timing.
 * With ISA-L that needed a workaround: its level-1 assembly hashes a register that holds the
 * stream's address into the first call's hash table (see ISAL_FIRST_CALL), which made one
 * run in six of the 17-page briefing differ in a page; each stream's first call ends before that
 * hash is stored (tests/test-output.c encodes from 256 stack depths and 1 and 4 workers).
 * ISA-L picks CPU-specific code at run time and offers no switch to pin it; what is known
 * of its paths is in README.md ("PNG, files, and the same bytes everywhere").
 *
 * Filter UP (each byte minus the one above) turns the flat areas of a chart into zeros; the
 * first row of the image uses no filter. Opaque images are written as RGB8, others as
 * un-premultiplied RGBA8.
 *
 * Copyright 2026 The libreport authors. SPDX-License-Identifier: MIT
 */
#include <setjmp.h>
#include <math.h>
#include <string.h>

#include <png.h>
#include <zlib.h>

#include "output-private.h"

#ifdef LR_HAVE_ISAL
#include <isa-l/igzip_lib.h>
/* Level 1's working memory; the default size (about 300 KiB). */
#define ISAL_LEVEL_BUFFER ISAL_DEF_LVL1_DEFAULT
/* The bytes of a stream's first isal_deflate() call: the body's look-ahead (288 bytes:
 * ISAL_LOOK_AHEAD, LA in ISA-L's lz0a_const.asm) plus one, so that the call deflates the
 * first byte alone. Why: ISA-L's level-1 assembly body (igzip_icf_body_h1_gr_bt.asm,
 * .write_first_byte, libisal 2.30 to at least 2.32) takes the hash of the third byte from
 * register rcx, which there still holds the isal_zstream's address, not the input: one
 * hash-table slot, picked by where the stream lies in memory (stack addresses change with
 * ASLR and threads), gets position 2. The file stays valid, since match candidates are
 * compared byte by byte, but its bytes changed between runs (1 to 3 stack addresses in 256).
 * When the first call holds exactly one byte past the look-ahead, the body stops after that
 * byte, before the wrong hash is stored, and the next call starts from the input again. */
#define ISAL_FIRST_CALL (ISAL_LOOK_AHEAD + 1)
#endif

#define PNG_LEVEL 1
/* Rows per strip: fixed, because the bytes of the file depend on where strips begin (each
 * starts a new deflate history). The machine decides only how many workers share them. */
#define STRIP_ROWS 128
/* Rows filtered before each call to the deflate: small enough to stay in the cache. */
#define CHUNK_ROWS 32
#define MAX_WORKERS 4
/* Bytes after a chunk's rows: the spare byte of filter_rows' 4-byte stores, and zeros. */
#define INPUT_TAIL 256

/* Returns the AND of the row's pixels, so the caller learns whether all were opaque
 * without a separate pass over the image. */
static guint32
row_to_rgb(const guint32 *row, int width, guint8 *out)
{
	guint32 all = 0xffffffffu;

	for (int x = 0; x < width; x++) {
		guint32 pixel = row[x];

		all &= pixel;
		out[0] = (guint8) (pixel >> 16);
		out[1] = (guint8) (pixel >> 8);
		out[2] = (guint8) pixel;
		out += 3;
	}
	return all;
}

/* Rounds as cairo's own PNG writer does, so cairo reads back the value it had. */
static inline guint8
unpremultiply(guint32 component, guint32 alpha)
{
	return (guint8) ((component * 255 + alpha / 2) / alpha);
}

/* PNG stores straight alpha; cairo premultiplies. */
static void
row_to_rgba(const guint32 *row, int width, guint8 *out)
{
	for (int x = 0; x < width; x++) {
		guint32 pixel = row[x];
		guint32 alpha = pixel >> 24;

		if (alpha == 0) {
			out[0] = out[1] = out[2] = 0;
		} else if (alpha == 255) {
			out[0] = (guint8) (pixel >> 16);
			out[1] = (guint8) (pixel >> 8);
			out[2] = (guint8) pixel;
		} else {
			out[0] = unpremultiply((pixel >> 16) & 0xff, alpha);
			out[1] = unpremultiply((pixel >> 8) & 0xff, alpha);
			out[2] = unpremultiply(pixel & 0xff, alpha);
		}
		out[3] = (guint8) alpha;
		out += 4;
	}
}

/* ---- the deflate back ends ---- */

/* One strip's compressor: raw deflate (no zlib header or checksum: those are added once for
 * the whole image), level 1, fed a chunk of rows at a time. Every strip but the last ends
 * with a sync flush, which ends on a byte boundary without marking the last block, so the
 * strips' outputs join into one stream. */
typedef struct {
	lr_png_deflate_t backend;
	z_stream zlib;
#ifdef LR_HAVE_ISAL
	struct isal_zstream isal;
#endif
	GByteArray *out;
	gsize used; /* bytes of @out written so far */
	/* Bytes of @out offered to the deflate so far. Not @out's length: @out is kept from
	 * image to image, and both deflates' output depends on the room they are given (ISA-L
	 * ends blocks early when it fills up), so that room must grow the same way every time. */
	gsize room_end;
	gboolean started; /* ISA-L: the first call (see ISAL_FIRST_CALL) is made */
} compressor_t;

static int
compressor_init(compressor_t *c, lr_png_deflate_t backend, guint8 *level_buffer, GByteArray *out)
{
	/* All zeros first: isal_deflate_init() leaves the stream's history buffer as it was,
	 * and what an earlier stream left on this stack must not reach the output. */
	memset(c, 0, sizeof *c);
	c->backend = backend;
	c->out = out;
	c->used = 0;
	c->room_end = 0;
#ifdef LR_HAVE_ISAL
	if (backend == LR_PNG_DEFLATE_ISAL) {
		isal_deflate_init(&c->isal);
		c->isal.level = PNG_LEVEL;
		c->isal.level_buf = level_buffer;
		c->isal.level_buf_size = ISAL_LEVEL_BUFFER;
		c->isal.gzip_flag = IGZIP_DEFLATE;
		return Z_OK;
	}
#else
	(void) level_buffer;
#endif
	memset(&c->zlib, 0, sizeof c->zlib);
	return deflateInit2(&c->zlib, PNG_LEVEL, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
}

/* Deflates @length bytes; @end: 0 more to come, 1 end of a strip (sync flush), 2 end of the
 * image. Returns Z_OK or an error. */
static int
compressor_feed(compressor_t *c, const guint8 *input, gsize length, int end)
{
	for (;;) {
		gsize room;

		/* Room in doublings from 64 KiB (a chart's strip deflates to 5–20 KiB): a full
		 * output returns early and the loop comes back for more. Growing by the input's
		 * size made every strip a 157 KiB mmap() and munmap(). */
		if (c->room_end - c->used < 4096)
			c->room_end = MAX(c->room_end * 2, c->used + 65536);
		if (c->out->len < c->room_end)
			g_byte_array_set_size(c->out, (guint) c->room_end);
		room = c->room_end - c->used;
#ifdef LR_HAVE_ISAL
		if (c->backend == LR_PNG_DEFLATE_ISAL) {
			int code;
			/* The first byte alone first (ISAL_FIRST_CALL); deflate_strip gives ISA-L
			 * only strips longer than that. */
			gsize take = c->started ? length : MIN(length, ISAL_FIRST_CALL);
			gboolean last = take == length;

			c->started = TRUE;
			c->isal.flush = last && end == 1 ? SYNC_FLUSH : NO_FLUSH;
			c->isal.end_of_stream = last && end == 2;
			c->isal.next_in = (guint8 *) input;
			c->isal.avail_in = (uint32_t) take;
			c->isal.next_out = c->out->data + c->used;
			c->isal.avail_out = (uint32_t) room;
			code = isal_deflate(&c->isal);
			if (code != COMP_OK)
				return code == ISAL_INVALID_LEVEL_BUF ? Z_MEM_ERROR : Z_STREAM_ERROR;
			c->used += room - c->isal.avail_out;
			input = c->isal.next_in;
			length = c->isal.avail_in + (length - take);
			/* isal_deflate() returns when the input is gone or the output full; with
			 * room left, the input and any flush or end are all written. */
			if (c->isal.avail_out > 0 && !last)
				continue; /* the first call is done: now the rest */
			if (c->isal.avail_out > 0) {
				if (length != 0 || (end == 2 && c->isal.internal_state.state != ZSTATE_END))
					return Z_STREAM_ERROR;
				return Z_OK;
			}
			continue;
		}
#endif
		{
			int code;

			c->zlib.next_in = (Bytef *) input;
			c->zlib.avail_in = (uInt) length;
			c->zlib.next_out = c->out->data + c->used;
			c->zlib.avail_out = (uInt) room;
			code = deflate(&c->zlib, end == 2 ? Z_FINISH : end == 1 ? Z_SYNC_FLUSH : Z_NO_FLUSH);
			if (code == Z_STREAM_ERROR)
				return code;
			c->used += room - c->zlib.avail_out;
			input = c->zlib.next_in;
			length = c->zlib.avail_in;
			if (c->zlib.avail_out > 0 && length == 0 && (end != 2 || code == Z_STREAM_END))
				return Z_OK;
		}
	}
}

static void
compressor_end(compressor_t *c)
{
	g_byte_array_set_size(c->out, (guint) c->used);
	if (c->backend != LR_PNG_DEFLATE_ISAL)
		deflateEnd(&c->zlib);
}

static guint32
checksum(guint32 adler, const guint8 *data, gsize length)
{
#ifdef LR_HAVE_ISAL
	/* Same value as zlib's adler32(), several times faster. */
	return isal_adler32(adler, data, length);
#else
	return (guint32) adler32(adler, data, (uInt) length);
#endif
}

/* ---- strips and workers ---- */

/* What a worker needs besides the image; kept by the calling thread between images (a fresh
 * 300 KiB each time costs page faults that take longer than the deflate). */
typedef struct {
	guint8 *level_buffer; /* ISA-L's level 1 working memory */
	guint8 *filtered;     /* CHUNK_ROWS filtered rows (+ 4 bytes: see filter_rows) */
	guint8 *rows;         /* two converted rows, for RGBA */
	gsize filtered_size, rows_size;
} worker_memory_t;

typedef struct {
	worker_memory_t worker[MAX_WORKERS];
	/* Per strip: its deflate output, kept for the next image. Fresh buffers cost a page
	 * fault per 4 KiB written (several microseconds each on a virtual machine), about
	 * 0.2 ms a chart. */
	GByteArray **deflated;
	int deflated_count;
} scratch_t;

static void
scratch_free(gpointer data)
{
	scratch_t *scratch = data;

	if (!scratch)
		return;
	for (int i = 0; i < MAX_WORKERS; i++) {
		g_free(scratch->worker[i].level_buffer);
		g_free(scratch->worker[i].filtered);
		g_free(scratch->worker[i].rows);
	}
	for (int i = 0; i < scratch->deflated_count; i++)
		g_byte_array_unref(scratch->deflated[i]);
	g_free(scratch->deflated);
	g_free(scratch);
}

static GPrivate kept_scratch = G_PRIVATE_INIT(scratch_free);

/* Beyond this a worker's row buffers are freed after the image instead of kept. */
#define MAX_KEPT_ROWS (1u << 20)

static void
memory_reserve(guint8 **buffer, gsize *size, gsize wanted)
{
	if (*size >= wanted)
		return;
	g_free(*buffer);
	*buffer = g_malloc(wanted);
	*size = wanted;
}

static void
memory_trim(worker_memory_t *memory)
{
	if (memory->filtered_size > MAX_KEPT_ROWS) {
		g_clear_pointer(&memory->filtered, g_free);
		memory->filtered_size = 0;
	}
	if (memory->rows_size > MAX_KEPT_ROWS) {
		g_clear_pointer(&memory->rows, g_free);
		memory->rows_size = 0;
	}
}

typedef struct {
	const guint8 *data;
	int stride, width, height, strips;
	gboolean opaque;
	gboolean ignore_alpha;    /* RGB24: the alpha byte is undefined */
	lr_png_deflate_t backend;
	scratch_t *scratch;
	gint next_worker;         /* the next worker slot (atomic) */
	gint next;                /* the next strip to take (atomic) */
	gint translucent;         /* an RGB strip met a pixel that is not opaque: redo as RGBA */
	gint failed;              /* a deflate error code of some strip, or Z_OK (atomic) */
	GByteArray **deflated;    /* per strip: raw deflate data of its filtered rows */
	guint32 *adler;           /* per strip: Adler-32 of those rows */
	gsize *length;            /* per strip: their length */
} image_t;

/* Byte-wise a - b of four bytes at once, without borrows between them. */
static inline guint32
subtract_bytes(guint32 a, guint32 b)
{
	return ((a | 0x80808080u) - (b & 0x7f7f7f7fu)) ^ ((a ^ ~b) & 0x80808080u);
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define LR_HAVE_SSSE3_FILTER
#include <immintrin.h>

/* The UP filter of opaque rows, four pixels at a time: a byte-wise subtraction, then a
 * shuffle that drops the alpha bytes and puts R, G, B in file order; each 16-byte store
 * writes 12 bytes and 4 the next store overwrites (the last one's land on the next row's
 * filter byte, or the buffer's tail). About four times the scalar loop's speed, which was
 * 40 % of a 1600×900 chart's encode; the bytes are the same. @width: a multiple of 4.
 * Returns the AND of the pixels. SSSE3 (pshufb): every x86-64 CPU since 2006, checked at
 * run time. */
__attribute__((target("ssse3"))) static guint32
up_rgb_ssse3(const guint32 *pixels, const guint32 *above, int width, guint8 *out)
{
	const __m128i order = _mm_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1);
	__m128i all = _mm_set1_epi32(-1);
	guint32 lanes[4];

	for (int x = 0; x < width; x += 4, out += 12) {
		__m128i pixel = _mm_loadu_si128((const __m128i *) (const void *) (pixels + x));
		__m128i up = _mm_loadu_si128((const __m128i *) (const void *) (above + x));

		all = _mm_and_si128(all, pixel);
		_mm_storeu_si128((__m128i *) (void *) out, _mm_shuffle_epi8(_mm_sub_epi8(pixel, up), order));
	}
	_mm_storeu_si128((__m128i *) (void *) lanes, all);
	return lanes[0] & lanes[1] & lanes[2] & lanes[3];
}

/* The same, eight pixels at a time (AVX2: x86-64 CPUs since 2013): the shuffle works within
 * each 16-byte half, then a permute closes the 4-byte gap between the halves' 12 bytes; each
 * 32-byte store writes 24 bytes and 8 that the next store (or the tail, as above)
 * overwrites. About 1.8 times the SSSE3 loop on a canvas in the cache; the same bytes.
 * @width: a multiple of 8. */
__attribute__((target("avx2"))) static guint32
up_rgb_avx2(const guint32 *pixels, const guint32 *above, int width, guint8 *out)
{
	const __m256i order = _mm256_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1,
					       2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1);
	const __m256i close_gap = _mm256_setr_epi32(0, 1, 2, 4, 5, 6, 3, 7);
	__m256i all = _mm256_set1_epi32(-1);
	guint32 lanes[8], result = 0xffffffffu;

	for (int x = 0; x < width; x += 8, out += 24) {
		__m256i pixel = _mm256_loadu_si256((const __m256i *) (const void *) (pixels + x));
		__m256i up = _mm256_loadu_si256((const __m256i *) (const void *) (above + x));
		__m256i rgb = _mm256_shuffle_epi8(_mm256_sub_epi8(pixel, up), order);

		all = _mm256_and_si256(all, pixel);
		_mm256_storeu_si256((__m256i *) (void *) out, _mm256_permutevar8x32_epi32(rgb, close_gap));
	}
	_mm256_storeu_si256((__m256i *) (void *) lanes, all);
	for (int i = 0; i < 8; i++)
		result &= lanes[i];
	return result;
}

static gboolean have_ssse3, have_avx2;

static void __attribute__((constructor))
detect_ssse3(void)
{
	have_ssse3 = __builtin_cpu_supports("ssse3");
	have_avx2 = __builtin_cpu_supports("avx2");
}
#endif

/* Filters rows @first to @end of the image into @out (row_bytes + 1 bytes a row); FALSE when
 * an opaque encoding met a translucent pixel. @rows holds two converted rows for RGBA, and
 * its first the row above @first on entry when there is one. */
static gboolean
filter_rows(const image_t *image, int first, int end, guint8 *out, guint8 *rows)
{
	const int width = image->width;
	gsize row_bytes = (gsize) width * (image->opaque ? 3 : 4);
	guint8 *previous = rows, *current = rows + row_bytes;

	for (int y = first; y < end; y++, out += row_bytes + 1) {
		const guint32 *pixels = (const guint32 *) (const void *) (image->data + (gsize) y * image->stride);

		if (image->opaque) {
			guint32 all;

			if (y == 0) {
				out[0] = 0; /* None: there is no row above */
				all = row_to_rgb(pixels, image->width, out + 1);
			} else {
				/* The common case, in one pass: RGB of this row minus RGB of the row
				 * above, four bytes at a time; each pixel's store of 0x00BBGGRR writes
				 * R, G, B and a byte the next one overwrites (the last one's lands on
				 * the next row's filter byte, or the 4 spare bytes after the buffer). */
				const guint32 *above = (const guint32 *) (const void *) (image->data + (gsize) (y - 1) * image->stride);
				guint8 *o = out + 1;
				int x = 0;

				all = 0xffffffffu;
				out[0] = 2; /* Up */
#ifdef LR_HAVE_SSSE3_FILTER
				if (have_avx2) {
					x = width & ~7;
					all = up_rgb_avx2(pixels, above, x, o);
					o += 3 * (gsize) x;
				}
				if (have_ssse3 && (width & ~3) > x) {
					int start = x;

					x = width & ~3;
					all &= up_rgb_ssse3(pixels + start, above + start, x - start, o);
					o += 3 * (gsize) (x - start);
				}
#endif
				for (; x < width; x++, o += 3) {
					guint32 pixel = pixels[x];
					guint32 rgb = GUINT32_SWAP_LE_BE(subtract_bytes(pixel, above[x])) >> 8;

					all &= pixel;
					rgb = GUINT32_TO_LE(rgb);
					memcpy(o, &rgb, 4);
				}
			}
			if ((all >> 24) != 0xff && !image->ignore_alpha)
				return FALSE;
		} else {
			guint8 *swap;

			row_to_rgba(pixels, image->width, current);
			if (y == 0) {
				out[0] = 0;
				memcpy(out + 1, current, row_bytes);
			} else {
				out[0] = 2;
				for (gsize i = 0; i < row_bytes; i++)
					out[i + 1] = (guint8) (current[i] - previous[i]);
			}
			swap = previous;
			previous = current;
			current = swap;
		}
	}
	if (!image->opaque && previous != rows) /* the last row: the next chunk's row above */
		memcpy(rows, previous, row_bytes);
	return TRUE;
}

/* Filters and deflates one strip, CHUNK_ROWS rows at a time. */
static int
deflate_strip(image_t *image, int strip, worker_memory_t *memory)
{
	int first = strip * STRIP_ROWS, end = MIN(image->height, first + STRIP_ROWS);
	gsize row_bytes = (gsize) image->width * (image->opaque ? 3 : 4);
	lr_png_deflate_t backend = image->backend;
	compressor_t compressor;
	guint32 adler = 1;
	int code;

#ifdef LR_HAVE_ISAL
	/* A strip whose first chunk cannot hold ISA-L's safe first call (tiny images only) is
	 * zlib's: strips are separate raw deflate streams, so they may mix. */
	if (backend == LR_PNG_DEFLATE_ISAL &&
	    (row_bytes + 1) * (gsize) MIN(CHUNK_ROWS, end - first) <= ISAL_FIRST_CALL)
		backend = LR_PNG_DEFLATE_ZLIB;
#endif
	code = compressor_init(&compressor, backend, memory->level_buffer, image->deflated[strip]);
	if (code != Z_OK)
		return code;
	if (!image->opaque && first > 0)
		row_to_rgba((const guint32 *) (const void *) (image->data + (gsize) (first - 1) * image->stride),
			    image->width, memory->rows);
	for (int y = first; y < end && code == Z_OK; y += CHUNK_ROWS) {
		int chunk_end = MIN(end, y + CHUNK_ROWS);
		gsize length = (row_bytes + 1) * (gsize) (chunk_end - y);

		if (!filter_rows(image, y, chunk_end, memory->filtered, memory->rows)) {
			g_atomic_int_set(&image->translucent, 1);
			break;
		}
		/* Zeros after the rows: the deflate's vector loads may look past its input. */
		memset(memory->filtered + length, 0, INPUT_TAIL);
		adler = checksum(adler, memory->filtered, length);
		code = compressor_feed(&compressor, memory->filtered, length,
				       chunk_end < end ? 0 : strip == image->strips - 1 ? 2 : 1);
	}
	compressor_end(&compressor);
	image->adler[strip] = adler;
	image->length[strip] = (row_bytes + 1) * (gsize) (end - first);
	return code;
}

/* A worker takes strips until none are left: which worker does which strip changes
 * nothing in the bytes, since each strip is filtered and deflated on its own. */
static gpointer
deflate_strips(gpointer user_data)
{
	image_t *image = user_data;
	worker_memory_t *memory = &image->scratch->worker[g_atomic_int_add(&image->next_worker, 1)];
	gsize row_bytes = (gsize) image->width * (image->opaque ? 3 : 4);
	int strip;

#ifdef LR_HAVE_ISAL
	if (image->backend == LR_PNG_DEFLATE_ISAL && !memory->level_buffer)
		memory->level_buffer = g_malloc(ISAL_LEVEL_BUFFER);
#endif
	memory_reserve(&memory->filtered, &memory->filtered_size, (row_bytes + 1) * CHUNK_ROWS + INPUT_TAIL);
	memory_reserve(&memory->rows, &memory->rows_size, row_bytes * 2);
	while ((strip = g_atomic_int_add(&image->next, 1)) < image->strips) {
		int code;

		if (g_atomic_int_get(&image->translucent) || g_atomic_int_get(&image->failed))
			break;
		code = deflate_strip(image, strip, memory);
		if (code != Z_OK)
			g_atomic_int_compare_and_exchange(&image->failed, Z_OK, code);
	}
	memory_trim(memory);
	return NULL;
}

static gint forced_workers;  /* 0: as many as the machine has (atomic) */
static gint forced_backend;  /* LR_PNG_DEFLATE_DEFAULT, or a back end tests chose (atomic) */

void
lr_output_png_set_workers(int workers)
{
	g_atomic_int_set(&forced_workers, CLAMP(workers, 0, MAX_WORKERS));
}

gboolean
lr_output_png_set_deflate(lr_png_deflate_t backend)
{
#ifndef LR_HAVE_ISAL
	if (backend == LR_PNG_DEFLATE_ISAL)
		return FALSE;
#endif
	g_atomic_int_set(&forced_backend, (gint) backend);
	return TRUE;
}

lr_png_deflate_t
lr_output_png_get_deflate(void)
{
	lr_png_deflate_t backend = (lr_png_deflate_t) g_atomic_int_get(&forced_backend);

	if (backend != LR_PNG_DEFLATE_DEFAULT)
		return backend;
#ifdef LR_HAVE_ISAL
	return LR_PNG_DEFLATE_ISAL;
#else
	return LR_PNG_DEFLATE_ZLIB;
#endif
}

/* LREPORT_PNG_THREADS, or the setter above, or 1; at most 4 and the strips. */
static int
worker_count(int strips)
{
	int workers = g_atomic_int_get(&forced_workers);
	const char *from_env;

	if (workers == 0 && (from_env = g_getenv("LREPORT_PNG_THREADS")) && *from_env)
		workers = (int) g_ascii_strtoll(from_env, NULL, 10);
	/* One by default: with ISA-L the rows deflate in about 1 ms anyway, and a batch
	 * (`lreport charts -j N`) already keeps the cores busy with whole charts. */
	if (workers <= 0)
		workers = 1;
	return CLAMP(workers, 1, MIN(strips, MAX_WORKERS));
}

/* After an image: a strip buffer grown past MAX_KEPT_DEFLATED (a photo, not a chart) is
 * freed rather than kept. */
#define MAX_KEPT_DEFLATED (1u << 20)

static void
trim_strips(scratch_t *scratch)
{
	if (!scratch)
		return;
	for (int i = 0; i < scratch->deflated_count; i++)
		if (scratch->deflated[i]->len > MAX_KEPT_DEFLATED) {
			g_byte_array_unref(scratch->deflated[i]);
			scratch->deflated[i] = g_byte_array_new();
		}
}

/* Deflates the image's rows into its strips (@image->deflated, kept in the thread's
 * scratch, and @image->adler); FALSE with @error filled on failure. */
static gboolean
deflate_image(image_t *image, lr_error_record_t *error)
{
	GThread *threads[MAX_WORKERS] = { NULL };
	int workers = worker_count(image->strips);
	scratch_t *scratch = g_private_get(&kept_scratch);

	if (!scratch) {
		scratch = g_new0(scratch_t, 1);
		g_private_set(&kept_scratch, scratch);
	}
	if (scratch->deflated_count < image->strips) {
		scratch->deflated = g_renew(GByteArray *, scratch->deflated, image->strips);
		for (int i = scratch->deflated_count; i < image->strips; i++)
			scratch->deflated[i] = g_byte_array_new();
		scratch->deflated_count = image->strips;
	}
	image->scratch = scratch;
	image->deflated = scratch->deflated;
	for (;;) {
		image->next = 0;
		image->next_worker = 0;
		image->translucent = 0;
		image->failed = Z_OK;
		/* Workers after the first are threads; if one cannot start, the others do its
		 * share. */
		for (int i = 1; i < workers; i++)
			threads[i] = g_thread_try_new("lr-png", deflate_strips, image, NULL);
		deflate_strips(image);
		for (int i = 1; i < workers; i++)
			if (threads[i])
				g_thread_join(threads[i]);
		/* Charts are almost always opaque, so RGB is tried first; one translucent pixel
		 * and the image is encoded again as RGBA. */
		if (!image->translucent || !image->opaque)
			break;
		image->opaque = FALSE;
	}
	if (image->failed != Z_OK) {
		lr_error_record_set(error, image->failed == Z_MEM_ERROR ? LR_STATUS_NO_MEMORY : LR_STATUS_WRITE_ERROR,
				    NULL, 0, 0, "cannot encode PNG: deflate error %d", image->failed);
		return FALSE;
	}
	return TRUE;
}

static void
append_png_bytes(png_structp png, png_bytep data, png_size_t length)
{
	g_byte_array_append(png_get_io_ptr(png), data, (guint) length);
}

static void
flush_nothing(png_structp png)
{
	(void) png;
}

static void
on_png_error(png_structp png, png_const_charp message)
{
	lr_error_record_t *error = png_get_error_ptr(png);

	lr_error_record_set(error, LR_STATUS_WRITE_ERROR, NULL, 0, 0, "cannot encode PNG: %s", message);
	png_longjmp(png, 1);
}

static void
on_png_warning(png_structp png, png_const_charp message)
{
	(void) png;
	(void) message;
}

/* libpng writes the file around the IDAT data deflated above: signature, IHDR with its CRC,
 * pHYs when a resolution is asked for, the IDAT chunk, IEND. Only these: no gAMA, tIME or
 * text that could vary between runs. The IDAT chunk is one zlib stream: its header, the
 * strips' raw deflate data in order, and the Adler-32 of all the filtered rows, handed to
 * libpng piece by piece rather than joined in a buffer first (a copy and a fresh buffer). */
static const guint8 zlib_header[2] = { 0x78, 0x01 }; /* deflate, 32 KiB window, fastest */

/* The IDAT chunk's length: the zlib header, the strips, the Adler-32. */
static gsize
idat_length(const image_t *image)
{
	gsize length = sizeof zlib_header + 4;

	for (int i = 0; i < image->strips; i++)
		length += image->deflated[i]->len;
	return length;
}

static GByteArray *
write_png_file(const image_t *image, double dpi, lr_error_record_t *error)
{
	guint32 adler = 1;
	guint8 trailer[4];
	GByteArray *volatile file;
	png_structp png;
	png_infop info;

	for (int i = 0; i < image->strips; i++)
		adler = (guint32) adler32_combine(adler, image->adler[i], (z_off_t) image->length[i]);
	trailer[0] = (guint8) (adler >> 24);
	trailer[1] = (guint8) (adler >> 16);
	trailer[2] = (guint8) (adler >> 8);
	trailer[3] = (guint8) adler;
	if (idat_length(image) > PNG_UINT_31_MAX) {
		lr_error_record_set(error, LR_STATUS_WRITE_ERROR, NULL, 0, 0,
				    "cannot encode PNG: %" G_GSIZE_FORMAT " bytes of image data "
				    "do not fit in one PNG chunk", idat_length(image));
		return NULL;
	}
	/* Signature, IHDR, pHYs, the IDAT chunk's length, type and CRC, IEND: under 128. */
	file = g_byte_array_sized_new((guint) (idat_length(image) + 128));
	png = png_create_write_struct(PNG_LIBPNG_VER_STRING, error, on_png_error, on_png_warning);
	info = png ? png_create_info_struct(png) : NULL;
	if (!png || !info) {
		png_destroy_write_struct(&png, &info);
		g_byte_array_unref(file);
		lr_error_record_set(error, LR_STATUS_NO_MEMORY, NULL, 0, 0, "cannot encode PNG: out of memory");
		return NULL;
	}
	if (setjmp(png_jmpbuf(png))) {
		png_destroy_write_struct(&png, &info);
		g_byte_array_unref(file);
		return NULL;
	}
	png_set_write_fn(png, file, append_png_bytes, flush_nothing);
	png_set_IHDR(png, info, (png_uint_32) image->width, (png_uint_32) image->height, 8,
		     image->opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA, PNG_INTERLACE_NONE,
		     PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
	if (dpi > 0) {
		/* pHYs counts pixels per metre. */
		png_uint_32 per_metre = (png_uint_32) lround(dpi / 0.0254);

		png_set_pHYs(png, info, per_metre, per_metre, PNG_RESOLUTION_METER);
	}
	png_write_info(png, info);
	png_write_chunk_start(png, (png_const_bytep) "IDAT", (png_uint_32) idat_length(image));
	png_write_chunk_data(png, zlib_header, sizeof zlib_header);
	for (int i = 0; i < image->strips; i++)
		png_write_chunk_data(png, image->deflated[i]->data, image->deflated[i]->len);
	png_write_chunk_data(png, trailer, sizeof trailer);
	png_write_chunk_end(png);
	png_write_chunk(png, (png_const_bytep) "IEND", NULL, 0);
	png_destroy_write_struct(&png, &info);
	return file;
}

GByteArray *
lr_output_encode_png(cairo_surface_t *surface, double dpi, lr_error_record_t *error)
{
	cairo_format_t format;
	const guint8 *data;
	int width, height, stride;
	image_t image = { 0 };
	GByteArray *file;

	if (!surface) {
		lr_error_record_set(error, LR_STATUS_NULL_POINTER, NULL, 0, 0, "cannot encode PNG: no surface");
		return NULL;
	}
	if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
		lr_error_record_set(error, LR_STATUS_CAIRO_ERROR, NULL, 0, 0, "cannot encode PNG: %s",
		     cairo_status_to_string(cairo_surface_status(surface)));
		return NULL;
	}
	if (cairo_surface_get_type(surface) != CAIRO_SURFACE_TYPE_IMAGE) {
		lr_error_record_set(error, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0, "cannot encode PNG: not an image surface");
		return NULL;
	}
	format = cairo_image_surface_get_format(surface);
	if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24) {
		lr_error_record_set(error, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0,
				    "cannot encode PNG: image format %d is not ARGB32 or RGB24", format);
		return NULL;
	}
	cairo_surface_flush(surface);
	width = cairo_image_surface_get_width(surface);
	height = cairo_image_surface_get_height(surface);
	stride = cairo_image_surface_get_stride(surface);
	data = cairo_image_surface_get_data(surface);
	if (width < 1 || height < 1 || !data) {
		lr_error_record_set(error, LR_STATUS_INVALID_ARGUMENT, NULL, 0, 0, "cannot encode PNG: the image is empty");
		return NULL;
	}
	image.data = data;
	image.stride = stride;
	image.width = width;
	image.height = height;
	image.strips = (height + STRIP_ROWS - 1) / STRIP_ROWS;
	image.opaque = TRUE;
	/* RGB24 leaves the alpha byte undefined: every pixel counts as opaque. */
	image.ignore_alpha = format == CAIRO_FORMAT_RGB24;
	image.backend = lr_output_png_get_deflate();
	image.adler = g_new0(guint32, image.strips);
	image.length = g_new0(gsize, image.strips);
	file = deflate_image(&image, error) ? write_png_file(&image, dpi, error) : NULL;
	trim_strips(image.scratch);
	g_free(image.adler);
	g_free(image.length);
	return file;
}
