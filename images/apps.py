from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImagesConfig(AppConfig):
    name = "images"
    verbose_name = _("Image library")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.conf import settings
        from django.db.models.signals import post_delete
        from PIL import Image as PILImage

        from . import renditions
        from .models import Image

        # Pillow refuses to open anything over twice this many pixels (DecompressionBombError)
        # and warns above it; uploads.open_image turns the warning into a refusal too.
        PILImage.MAX_IMAGE_PIXELS = settings.IMAGES_MAX_PIXELS
        post_delete.connect(renditions.delete_files_after_commit, sender=Image)
