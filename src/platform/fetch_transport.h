// The client's Transport in the browser: emscripten_fetch, asynchronous, same origin.
#pragma once

#include "client/transport.h"

namespace orchard::platform {

class FetchTransport : public client::Transport {
  public:
    void send(client::HttpRequest request, std::function<void(client::HttpResult)> done) override;
};

} // namespace orchard::platform
