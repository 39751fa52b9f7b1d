#pragma once
// What an import route answers: the counts of a file imported whole, or a
// 422 problem naming every bad row ("line 3 value") when nothing was kept.
#include "platform/http/request.hpp"
#include "platform/http/response.hpp"
#include "platform/tabular/records.hpp"

namespace safeboard::api {

http::Response import_answer(const tabular::ImportReport& report, const http::Request& request);

}  // namespace safeboard::api
