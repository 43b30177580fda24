// Where export lines go: a file, gzip-compressed when its name ends in ".gz", or standard output
// ("-"), one line each. The gzip
// header carries no time or name, so the same lines give the same bytes.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <zlib.h>

namespace orchard::exporting {

class JsonlWriter {
  public:
    // Throws std::runtime_error naming the file when it cannot be opened.
    explicit JsonlWriter(const std::string& out);
    ~JsonlWriter();
    JsonlWriter(const JsonlWriter&) = delete;
    JsonlWriter& operator=(const JsonlWriter&) = delete;

    // One line of JSON text; the line break is added.
    void write(std::string_view line);
    // Flushes and closes; throws when the data could not all be written (a full disk).
    void close();
    long lines() const { return lines_; }

  private:
    void write_bytes(std::string_view bytes);

    std::string out_;
    std::FILE* file_ = nullptr;
    gzFile gz_ = nullptr;
    bool to_stdout_ = false;
    long lines_ = 0;
};

} // namespace orchard::exporting
