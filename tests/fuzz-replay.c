/* Replays a fuzz corpus through a libFuzzer target without libFuzzer, so the seeds and the
 * inputs that once found bugs run with every `meson test` (and under ASan in CI).
 * Usage: fuzz-replay DIR...   (every regular file in each folder is one input)
 */
#include <stdint.h>
#include <stdio.h>

#include <glib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
main(int argc, char **argv)
{
	int inputs = 0;

	for (int i = 1; i < argc; i++) {
		GDir *dir = g_dir_open(argv[i], 0, NULL);
		const char *name;

		if (!dir) {
			fprintf(stderr, "cannot open %s\n", argv[i]);
			return 1;
		}
		while ((name = g_dir_read_name(dir))) {
			char *path = g_build_filename(argv[i], name, NULL);
			char *contents;
			gsize length;

			if (g_file_get_contents(path, &contents, &length, NULL)) {
				/* A failed check inside the target aborts: the test fails there. */
				LLVMFuzzerTestOneInput((const uint8_t *) contents, length);
				g_free(contents);
				inputs++;
			}
			g_free(path);
		}
		g_dir_close(dir);
	}
	printf("fuzz corpus: %d passed, 0 failed\n", inputs);
	return inputs > 0 ? 0 : 1;
}
