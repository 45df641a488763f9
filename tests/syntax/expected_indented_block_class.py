class Config:
name = "x"
