#pragma once
// Owners for the C objects of cairo, pango and GLib, so every early return
// releases what was made.
#include <memory>

#include <cairo.h>
#include <glib-object.h>
#include <pango/pango.h>

namespace safeboard::pdf {

template <auto release>
struct Release {
    template <typename T>
    void operator()(T* object) const noexcept {
        release(object);
    }
};

using Surface = std::unique_ptr<cairo_surface_t, Release<cairo_surface_destroy>>;
using Cairo = std::unique_ptr<cairo_t, Release<cairo_destroy>>;
using FontMap = std::unique_ptr<PangoFontMap, Release<g_object_unref>>;
using Context = std::unique_ptr<PangoContext, Release<g_object_unref>>;
using Layout = std::unique_ptr<PangoLayout, Release<g_object_unref>>;
using FontDescription = std::unique_ptr<PangoFontDescription, Release<pango_font_description_free>>;
using Attributes = std::unique_ptr<PangoAttrList, Release<pango_attr_list_unref>>;
using LayoutIter = std::unique_ptr<PangoLayoutIter, Release<pango_layout_iter_free>>;

}  // namespace safeboard::pdf
