// Typed calls to Orchard's /api/v1, one function per endpoint, over a Transport.
#pragma once

#include "client/client_error.h"
#include "client/transport.h"
#include "protocol/health.h"

#include <functional>
#include <variant>

namespace orchard::client {

template <typename T> using ApiResult = std::variant<T, ClientError>;

class ApiClient {
  public:
    explicit ApiClient(Transport& transport) : transport_(transport) {}

    void get_health(std::function<void(ApiResult<protocol::Health>)> done);

  private:
    Transport& transport_;
};

} // namespace orchard::client
