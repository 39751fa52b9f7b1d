#include "platform/pdf/write.hpp"

#include <new>
#include <string_view>

#include <cairo-pdf.h>

#include "platform/pdf/check.hpp"
#include "platform/pdf/handles.hpp"
#include "platform/pdf/paint.hpp"
#include "platform/pdf/plan.hpp"
#include "platform/pdf/typesetter.hpp"

namespace safeboard::pdf {

namespace {

// cairo's write callback; nothing may be thrown back through C.
cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    try {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
    } catch (const std::bad_alloc&) {
        return CAIRO_STATUS_NO_MEMORY;
    }
}

void set_metadata(cairo_surface_t* surface, const Document& document) {
    auto set = [surface](cairo_pdf_metadata_t key, const std::string& value) {
        if (!value.empty()) cairo_pdf_surface_set_metadata(surface, key, value.c_str());
    };
    set(CAIRO_PDF_METADATA_TITLE, document.title);
    set(CAIRO_PDF_METADATA_AUTHOR, document.author);
    set(CAIRO_PDF_METADATA_SUBJECT, document.subject);
}

Status cairo_result(cairo_status_t status) {
    if (status == CAIRO_STATUS_SUCCESS) return {};
    return fail(ErrorKind::internal, std::string("cannot write the PDF: ") + cairo_status_to_string(status));
}

// Lays out every page before painting the first, so each footer can give
// the page count.
Status write_pages(cairo_surface_t* surface, const Document& document) {
    Cairo cairo(cairo_create(surface));
    Typesetter typesetter(cairo.get(), document);
    std::vector<Page> pages = plan_pages(document, typesetter);
    paint_pages(cairo.get(), pages, document, typesetter);
    return cairo_result(cairo_status(cairo.get()));
}

}  // namespace

Result<std::string> write_pdf(const Document& document) {
    if (auto checked = check_document(document); !checked) return std::unexpected(checked.error());
    std::string bytes;  // declared first: the surface writes into it until destroyed
    PageSize size = page_size(document.orientation);
    Surface surface(cairo_pdf_surface_create_for_stream(append, &bytes, size.width, size.height));
    if (auto made = cairo_result(cairo_surface_status(surface.get())); !made) return std::unexpected(made.error());
    set_metadata(surface.get(), document);
    if (auto written = write_pages(surface.get(), document); !written) return std::unexpected(written.error());
    cairo_surface_finish(surface.get());
    if (auto finished = cairo_result(cairo_surface_status(surface.get())); !finished) {
        return std::unexpected(finished.error());
    }
    return bytes;
}

}  // namespace safeboard::pdf
