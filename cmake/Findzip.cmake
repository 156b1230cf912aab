# Debian's libzip-dev ships a CMake package whose targets name the zipcmp / zipmerge / ziptool
# programs (other packages), so loading it fails without them; find the library by hand.
# Defines the imported target zip::zip.
find_path(zip_INCLUDE_DIR NAMES zip.h)
find_library(zip_LIBRARY NAMES zip libzip)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(zip REQUIRED_VARS zip_LIBRARY zip_INCLUDE_DIR)
if(zip_FOUND AND NOT TARGET zip::zip)
  add_library(zip::zip UNKNOWN IMPORTED)
  set_target_properties(zip::zip PROPERTIES
    IMPORTED_LOCATION "${zip_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${zip_INCLUDE_DIR}")
endif()
mark_as_advanced(zip_INCLUDE_DIR zip_LIBRARY)
