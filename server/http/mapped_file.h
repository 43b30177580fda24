// A file's bytes mapped into memory, for a response body that is too big to copy into a string
// (an export): the kernel pages it in as it is sent, and the process holds no copy of it.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string_view>

namespace orchard::http {

class MappedFile {
  public:
    // Maps the whole file and removes its name: the bytes live until the last owner lets go, and
    // nothing is left on disk after that, even when the process is killed. Throws
    // std::runtime_error naming the file when it cannot be read.
    static std::shared_ptr<const MappedFile> open_and_unlink(const std::filesystem::path& file);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

  private:
    MappedFile(void* data, std::size_t size) : data_(data), size_(size) {}
    void* data_;
    std::size_t size_;
};

} // namespace orchard::http
