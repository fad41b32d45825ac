/*
 * The floor for `make bench`: parse every topology file with libyaml's event
 * parser and do nothing else. maestro-topo cannot be faster than this on one
 * core, since it reads the same files through the same parser.
 *
 * usage: floor PATH...   (files, or directories searched for *.yaml, *.yml)
 */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static long files, failures;

static int has_suffix(const char *path, const char *suffix) {
    size_t n = strlen(path), m = strlen(suffix);
    return n >= m && strcmp(path + n - m, suffix) == 0;
}

static void parse(const char *path) {
    FILE *file = fopen(path, "rb");
    if (!file) { perror(path); failures++; return; }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    unsigned char *bytes = malloc(size > 0 ? (size_t)size : 1);
    size_t got = fread(bytes, 1, (size_t)size, file);
    fclose(file);

    yaml_parser_t parser;
    yaml_event_t event;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, bytes, got);
    int done = 0;
    while (!done) {
        if (!yaml_parser_parse(&parser, &event)) { failures++; break; }
        done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
    }
    yaml_parser_delete(&parser);
    free(bytes);
    files++;
}

static int visit(const char *path, const struct stat *info, int type, struct FTW *ftw) {
    (void)info; (void)ftw;
    if (type == FTW_F && (has_suffix(path, ".yaml") || has_suffix(path, ".yml"))) parse(path);
    return 0;
}

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        struct stat info;
        if (stat(argv[i], &info) == 0 && S_ISDIR(info.st_mode)) {
            nftw(argv[i], visit, 32, FTW_PHYS);
        } else {
            parse(argv[i]);
        }
    }
    fprintf(stderr, "parsed %ld files, %ld failed\n", files, failures);
    return failures ? 1 : 0;
}
