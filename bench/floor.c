/*
 * The floor of "read, render, write": what any static-site tool must at least do for a Dossier site.
 *
 *   cc -O2 -o floor floor.c $(pkg-config --cflags --libs libcmark) -lpthread
 *   ./floor [-j THREADS] CONTENT_DIR OUT_DIR
 *   ./floor -c [-j THREADS] SITE_DIR OUT_DIR
 *
 * Walks CONTENT_DIR, and for every *.md file: reads it, skips the YAML front matter (from a first line
 * `---` to the next `---` line), renders the body with libcmark (CMARK_OPT_DEFAULT) and writes the HTML
 * to OUT_DIR under the same relative path with `.html` instead of `.md`. Nothing else: no templates, no
 * front-matter parsing, no links, no indexes.
 *
 * THREADS defaults to 2 (this machine has 2 cores): the sorted file list is dealt out round-robin, so
 * both threads get a similar mix of sizes. `-j 1` gives the single-threaded floor. Folders are created by
 * the main thread before the workers start, so workers only read and write files.
 * Prints "floor: N files, B bytes in" on success; exits 1 with a message on any I/O error.
 *
 * With -c (the output copy), every file under SITE_DIR (a site Dossier built) is read and written
 * unchanged under OUT_DIR, the same way: what writing Dossier's own output costs at the least, with
 * nothing rendered. The bench reports it beside the floor, to show how much of the "within 2x of the
 * floor" budget Dossier's larger output takes by itself (it writes more pages, and bigger ones).
 */
#define _GNU_SOURCE
#include <cmark.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct {
    char **paths; /* relative to the content folder */
    size_t count, capacity;
} FileList;

static FileList files;
static const char *content_root;
static size_t content_root_len;
static const char *out_root;
static int copy_mode;

static void die(const char *what, const char *path) {
    fprintf(stderr, "floor: %s %s: %s\n", what, path, strerror(errno));
    exit(1);
}

static int collect(const char *path, const struct stat *st, int type, struct FTW *ftw) {
    (void)st;
    (void)ftw;
    size_t len = strlen(path);
    if (type == FTW_F && (copy_mode || (len > 3 && strcmp(path + len - 3, ".md") == 0))) {
        if (files.count == files.capacity) {
            files.capacity = files.capacity ? files.capacity * 2 : 1024;
            files.paths = realloc(files.paths, files.capacity * sizeof *files.paths);
            if (!files.paths) die("out of memory at", path);
        }
        files.paths[files.count++] = strdup(path + content_root_len + 1);
    }
    return 0;
}

static int by_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* mkdir -p for the folder part of OUT_DIR/rel. */
static void make_parents(const char *rel) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", out_root, rel);
    for (char *p = path + strlen(out_root) + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        if (mkdir(path, 0777) != 0 && errno != EEXIST) die("cannot create", path);
        *p = '/';
    }
}

static char *read_all(const char *path, size_t *size) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) die("cannot open", path);
    struct stat st;
    if (fstat(fd, &st) != 0) die("cannot stat", path);
    char *buf = malloc((size_t)st.st_size + 1);
    size_t got = 0;
    while (got < (size_t)st.st_size) {
        ssize_t n = read(fd, buf + got, (size_t)st.st_size - got);
        if (n < 0) die("cannot read", path);
        if (n == 0) break;
        got += (size_t)n;
    }
    close(fd);
    buf[got] = '\0';
    *size = got;
    return buf;
}

/* The body: everything after the line that closes the front matter (or all of it without one). */
static const char *skip_front_matter(const char *text, size_t size, size_t *body_size) {
    if (strncmp(text, "---\n", 4) == 0 || strncmp(text, "---\r\n", 5) == 0) {
        const char *line = strchr(text, '\n') + 1;
        while (line < text + size) {
            const char *next = memchr(line, '\n', (size_t)(text + size - line));
            const char *end = next ? next : text + size;
            size_t len = (size_t)(end - line);
            if (len > 0 && line[len - 1] == '\r') len--;
            if (len == 3 && strncmp(line, "---", 3) == 0) {
                const char *body = next ? next + 1 : end;
                *body_size = (size_t)(text + size - body);
                return body;
            }
            if (!next) break;
            line = next + 1;
        }
    }
    *body_size = size;
    return text;
}

static void write_file(const char *path, const char *bytes, size_t size) {
    FILE *out = fopen(path, "w");
    if (!out) die("cannot write", path);
    if (fwrite(bytes, 1, size, out) != size || fclose(out) != 0) die("cannot write", path);
}

typedef struct {
    size_t first, step, bytes;
} Work;

static void *render_files(void *arg) {
    Work *work = arg;
    char in_path[4096], out_path[4096];
    for (size_t i = work->first; i < files.count; i += work->step) {
        const char *rel = files.paths[i];
        snprintf(in_path, sizeof in_path, "%s/%s", content_root, rel);
        size_t size, body_size;
        char *text = read_all(in_path, &size);
        work->bytes += size;
        if (copy_mode) {
            snprintf(out_path, sizeof out_path, "%s/%s", out_root, rel);
            write_file(out_path, text, size);
            free(text);
            continue;
        }
        const char *body = skip_front_matter(text, size, &body_size);
        char *html = cmark_markdown_to_html(body, body_size, CMARK_OPT_DEFAULT);
        snprintf(out_path, sizeof out_path, "%s/%.*s.html", out_root, (int)(strlen(rel) - 3), rel);
        write_file(out_path, html, strlen(html));
        free(html);
        free(text);
    }
    return NULL;
}

int main(int argc, char **argv) {
    int threads = 2, opt;
    while ((opt = getopt(argc, argv, "cj:")) != -1) {
        if (opt == 'j' && atoi(optarg) > 0) {
            threads = atoi(optarg);
        } else if (opt == 'c') {
            copy_mode = 1;
        } else {
            fprintf(stderr, "usage: floor [-c] [-j THREADS] CONTENT_DIR OUT_DIR\n");
            return 2;
        }
    }
    if (argc - optind != 2) {
        fprintf(stderr, "usage: floor [-c] [-j THREADS] CONTENT_DIR OUT_DIR\n");
        return 2;
    }
    char *root = strdup(argv[optind]);
    content_root_len = strlen(root);
    while (content_root_len > 1 && root[content_root_len - 1] == '/') root[--content_root_len] = '\0';
    content_root = root;
    out_root = argv[optind + 1];
    if (mkdir(out_root, 0777) != 0 && errno != EEXIST) die("cannot create", out_root);

    if (nftw(content_root, collect, 32, FTW_PHYS) != 0) die("cannot walk", content_root);
    qsort(files.paths, files.count, sizeof *files.paths, by_name);
    for (size_t i = 0; i < files.count; i++) make_parents(files.paths[i]);

    pthread_t ids[64];
    Work work[64];
    if (threads > 64) threads = 64;
    for (int t = 0; t < threads; t++) {
        work[t] = (Work){.first = (size_t)t, .step = (size_t)threads, .bytes = 0};
        if (pthread_create(&ids[t], NULL, render_files, &work[t]) != 0) die("cannot start a thread for", content_root);
    }
    size_t bytes = 0;
    for (int t = 0; t < threads; t++) {
        pthread_join(ids[t], NULL);
        bytes += work[t].bytes;
    }
    printf("%s: %zu files, %zu bytes in, %d thread%s\n", copy_mode ? "copy" : "floor", files.count, bytes, threads, threads == 1 ? "" : "s");
    return 0;
}
