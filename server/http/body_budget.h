// Request bodies held in memory at once, across every connection. Each request's body is bounded
// (--max-body-kb), but thousands of connections each uploading a large body slowly would add up
// to gigabytes; a request is admitted to read its body only when its bytes fit in this budget,
// and refused with 503 (try again) otherwise. A body's bytes count from its headers until the
// handler is done with it. Requests without a body need nothing from it.
#pragma once

#include <atomic>
#include <cstddef>
#include <optional>

namespace orchard::http {

class BodyBudget {
  public:
    explicit BodyBudget(size_t limit_bytes) : limit_(limit_bytes) {}

    // Bytes taken from the budget, given back when destroyed.
    class Reservation {
      public:
        Reservation(BodyBudget& budget, size_t bytes) : budget_(&budget), bytes_(bytes) {}
        Reservation(Reservation&& other) noexcept : budget_(other.budget_), bytes_(other.bytes_) {
            other.budget_ = nullptr;
        }
        Reservation& operator=(Reservation&&) = delete;
        Reservation(const Reservation&) = delete;
        Reservation& operator=(const Reservation&) = delete;
        ~Reservation() {
            if (budget_) budget_->used_.fetch_sub(bytes_);
        }

      private:
        BodyBudget* budget_;
        size_t bytes_;
    };

    // Takes `bytes` when they fit beside what is reserved already; nullopt otherwise.
    std::optional<Reservation> reserve(size_t bytes);
    size_t in_use() const { return used_.load(); }

  private:
    size_t limit_;
    std::atomic<size_t> used_ = 0;
};

} // namespace orchard::http
