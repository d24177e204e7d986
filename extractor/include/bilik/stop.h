// Stopping extraction early, from a signal handler or another thread.
//
// request_stop() is async-signal-safe (a store to a lock-free atomic); the
// extractor reads stop_requested() before each sentence of its costly stages,
// so a document of any size stops within a few sentences. A stopped
// Extraction is partial (`Extraction::stopped`): store none of it.
//
//   std::signal(SIGINT, [](int) { bilik::request_stop(); });
//   Extraction x = extract_document(text, pack);
//   if (x.stopped) ...  // drop it; the next run extracts the document again
#pragma once

namespace bilik {

void request_stop();
bool stop_requested();

}  // namespace bilik
