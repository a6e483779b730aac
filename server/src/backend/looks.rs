//! Actors' look photos for the `ServerBackend`: upload, removal, and the check made before a
//! file is served. A look is personal data: it is served to the actor, to admins, and to crew
//! members who already see the actor — among their production's applicants, or in the actor
//! pool of a verified production when the actor lets crews find them. Everyone else is told
//! there is no such file.

use std::collections::HashMap;
use std::path::PathBuf;

use app::error::AppError;
use app::models::{LookView, OrgKind, SessionUser};
use domain::account::Role;
use domain::casting::check_look_date;

use super::{ServerBackend, now_unix, studio_today, unexpected};
use crate::media;
use crate::storage::looks::LookRow;

impl ServerBackend {
    /// Makes an uploaded photo `user`'s current look, taken on `taken_on` (as typed). Refusals:
    /// `Invalid` on `taken_on` (see `check_look_date`) or on `photo` (see `media::PhotoError`);
    /// nothing is kept from a refused upload, and the photo it replaces is removed.
    pub async fn set_look(
        &self,
        user: &SessionUser,
        bytes: Vec<u8>,
        taken_on: &str,
    ) -> Result<LookView, AppError> {
        let actor_id = self.actor_id(user).await?.ok_or(AppError::Forbidden)?;
        let birth = self
            .store
            .actor_facts(actor_id)
            .await
            .map_err(unexpected("actor_facts"))?
            .ok_or(AppError::NotFound)?
            .birth_date;
        let taken_on = check_look_date(taken_on, studio_today(), birth)
            .map_err(|code| AppError::field("taken_on", code))?;
        let processed = tokio::task::spawn_blocking(move || {
            media::process_with_thumb(&bytes, media::LOOK_THUMB)
        })
        .await
        .map_err(|error| {
            tracing::error!(%error, "look processing task failed");
            AppError::Unexpected
        })?
        .map_err(|refused| AppError::field("photo", refused.code()))?;
        let key = media::new_key();
        self.media.looks.save(&key, &processed).await.map_err(|error| {
            tracing::error!(%error, "look files not written");
            AppError::Unexpected
        })?;
        let row = LookRow { actor_id, file_key: key.clone(), taken_on, uploaded_at: now_unix() };
        match self.store.set_look(&row).await {
            Ok(replaced) => {
                if let Some(old) = replaced {
                    self.media.looks.remove(&old).await;
                }
                Ok(row.view(studio_today()))
            }
            Err(error) => {
                self.media.looks.remove(&key).await;
                Err(unexpected("set_look")(error))
            }
        }
    }

    /// Removes `user`'s look photo (nothing to remove is fine).
    pub async fn remove_look(&self, user: &SessionUser) -> Result<(), AppError> {
        let actor_id = self.actor_id(user).await?.ok_or(AppError::Forbidden)?;
        let removed = self.store.remove_look(actor_id).await.map_err(unexpected("remove_look"))?;
        if let Some(key) = removed {
            self.media.looks.remove(&key).await;
        }
        Ok(())
    }

    /// The file behind `/media/looks/{name}` if `viewer` may see it: `Unauthorized` for
    /// visitors, `NotFound` for a name that is no look or a look `viewer` may not see.
    pub async fn look_file(
        &self,
        viewer: Option<&SessionUser>,
        name: &str,
    ) -> Result<PathBuf, AppError> {
        let viewer = viewer.ok_or(AppError::Unauthorized)?;
        let (key, size) = media::parse_file_name(name).ok_or(AppError::NotFound)?;
        let owner = self
            .store
            .look_owner(key)
            .await
            .map_err(unexpected("look_owner"))?
            .ok_or(AppError::NotFound)?;
        let allowed = match viewer.role {
            Role::Admin => true,
            Role::Actor => self.actor_id(viewer).await? == Some(owner.actor_id),
            Role::Crew => match &viewer.org {
                Some(org) if org.kind == OrgKind::Production => {
                    self.store
                        .applied_to_production(owner.actor_id, org.id)
                        .await
                        .map_err(unexpected("applied_to_production"))?
                        || (owner.discoverable && viewer.production_verified)
                }
                _ => false,
            },
            Role::Supplier => false,
        };
        if !allowed {
            return Err(AppError::NotFound);
        }
        Ok(self.media.looks.path(key, size))
    }

    /// The looks of `actor_ids`, for pages that list actors.
    pub(super) async fn look_views(
        &self,
        actor_ids: &[i64],
    ) -> Result<HashMap<i64, LookView>, AppError> {
        Ok(self
            .store
            .looks_of(actor_ids)
            .await
            .map_err(unexpected("looks_of"))?
            .into_iter()
            .map(|(id, row)| (id, row.view(studio_today())))
            .collect())
    }
}
